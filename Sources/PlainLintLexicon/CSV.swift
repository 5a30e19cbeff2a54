/// A CSV table read by the rules of RFC 4180: a header row, then records; fields may be quoted, and a quote
/// inside a quoted field is doubled. Line breaks may be LF or CRLF, a UTF-8 byte-order mark is skipped, and
/// a line break inside quotes belongs to the field.
public struct CSVTable: Sendable {
  /// One record, with the line it starts on (1-based) and the column each field starts at (1-based).
  public struct Record: Sendable {
    public var line: Int
    /// The byte offset where the record starts.
    public var offset: Int
    public var fields: [String]
    public var columns: [Int]
  }

  /// The header row's names, as written.
  public var header: [String]
  /// The line of the header row.
  public var headerLine: Int
  /// The records after the header, blank lines left out.
  public var records: [Record]

  /// Reads a table. Problems that stop the reading (an unclosed quote, text after a closing quote) are thrown
  /// with their line and column.
  public init(parsing bytes: [UInt8]) throws(DictionaryProblem) {
    var rows: [Record] = []
    var reader = CSVReader(bytes: bytes[...])
    while let record = try reader.next() {
      let blank = record.fields.count == 1 && record.fields[0].isEmpty
      if !blank { rows.append(record) }
    }
    guard let first = rows.first else {
      throw DictionaryProblem(line: 1, column: 1, message: "the file is empty; it needs a header row")
    }
    header = first.fields.map { $0.trimmingSpaces }
    headerLine = first.line
    records = Array(rows.dropFirst())
  }
}

/// Reads CSV records one at a time, from the start of a file or from any record's offset.
struct CSVReader {
  let bytes: ArraySlice<UInt8>
  /// Where the next record starts.
  var index: Int
  var line: Int
  var lineStart: Int

  init(bytes: ArraySlice<UInt8>, offset: Int? = nil, line: Int = 1) {
    self.bytes = bytes
    index = offset ?? bytes.startIndex
    if offset == nil && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index += 3 }
    self.line = line
    lineStart = index
  }

  /// The next record, or nil at the end.
  mutating func next() throws(DictionaryProblem) -> CSVTable.Record? {
    let count = bytes.endIndex
    guard index < count else { return nil }
    let recordLine = line
    let recordStart = index
    var fields: [String] = []
    var columns: [Int] = []
    while true {
      columns.append(index - lineStart + 1)
      var field: [UInt8] = []
      if index < count && bytes[index] == UInt8(ascii: "\"") {
        let quoteLine = line
        let quoteColumn = index - lineStart + 1
        index += 1
        while true {
          guard index < count else {
            throw DictionaryProblem(
              line: quoteLine, column: quoteColumn,
              message: "this quoted cell has no closing quote (\"); add one at the end of the cell")
          }
          let byte = bytes[index]
          if byte == UInt8(ascii: "\"") {
            if index + 1 < count && bytes[index + 1] == UInt8(ascii: "\"") {
              field.append(byte)
              index += 2
              continue
            }
            index += 1
            break
          }
          if byte == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
          }
          field.append(byte)
          index += 1
        }
        if index < count, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "\n"),
          !(bytes[index] == UInt8(ascii: "\r") && (index + 1 == count || bytes[index + 1] == UInt8(ascii: "\n")))
        {
          throw DictionaryProblem(
            line: line, column: index - lineStart + 1,
            message: "text after a closing quote; put the whole cell in quotes and double any quote inside it (\"\")")
        }
      } else {
        while index < count {
          let byte = bytes[index]
          if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") { break }
          if byte == UInt8(ascii: "\r") && (index + 1 == count || bytes[index + 1] == UInt8(ascii: "\n")) { break }
          if byte == UInt8(ascii: "\"") {
            throw DictionaryProblem(
              line: line, column: index - lineStart + 1,
              message: "a quote (\") inside a cell that does not start with one; put the whole cell in quotes "
                + "and double the quote (\"\")")
          }
          field.append(byte)
          index += 1
        }
      }
      fields.append(String(decoding: field, as: UTF8.self))
      if index < count && bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if index < count && bytes[index] == UInt8(ascii: "\r") { index += 1 }
      if index < count && bytes[index] == UInt8(ascii: "\n") { index += 1 }
      line += 1
      lineStart = index
      return CSVTable.Record(line: recordLine, offset: recordStart, fields: fields, columns: columns)
    }
  }
}

extension String {
  /// The string without spaces and tabs at either end.
  var trimmingSpaces: String {
    var scalars = Substring(self)
    while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    return String(scalars)
  }

  /// The `;`-separated items of a cell, trimmed, empty items left out.
  var listItems: [String] {
    split(separator: ";", omittingEmptySubsequences: true).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
  }
}
