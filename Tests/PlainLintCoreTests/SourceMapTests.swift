import Testing

@testable import PlainLintCore

/// `<p>Fish &amp; chips</p>` read as the prose `Fish & chips`.
let entityMap = SourceMap(segments: [
  .init(proseStart: 0, proseLength: 5, sourceStart: 3, sourceLength: 5),  // "Fish "
  .init(proseStart: 5, proseLength: 1, sourceStart: 8, sourceLength: 5),  // "&" from "&amp;"
  .init(proseStart: 6, proseLength: 6, sourceStart: 13, sourceLength: 6),  // " chips"
])

/// `<td>Cell one</td><td>Cell two</td>` read as `Cell one\nCell two`, with the line break inserted.
let gapMap = SourceMap(segments: [
  .init(proseStart: 0, proseLength: 8, sourceStart: 4, sourceLength: 8),
  .init(proseStart: 9, proseLength: 8, sourceStart: 21, sourceLength: 8),
])

@Suite("Source maps")
struct SourceMapTests {
  @Test func identityMapsEveryRangeToItself() {
    let map = SourceMap.identity
    #expect(map.isIdentity)
    for range in [0..<0, 0..<5, 3..<3, 7..<100] {
      #expect(map.sourceRange(ofProse: range) == range)
    }
  }

  @Test(arguments: [
    (0..<4, 3..<7),  // "Fish"
    (5..<6, 8..<13),  // "&" is the whole entity
    (0..<12, 3..<19),  // everything
    (6..<12, 13..<19),  // " chips"
    (7..<12, 14..<19),  // "chips"
    (4..<7, 7..<14),  // " & c": starts and ends in copied text around the entity
    (5..<12, 8..<19),  // starts at the entity
    (0..<6, 3..<13),  // ends at the entity's end
    (5..<5, 8..<8),  // empty, at the entity's start
    (6..<6, 13..<13),  // empty, just after the entity
    (12..<12, 19..<19),  // empty, at the end
  ] as [(Range<Int>, Range<Int>)])
  func replacementSegment(prose: Range<Int>, source: Range<Int>) {
    #expect(entityMap.sourceRange(ofProse: prose) == source)
  }

  @Test func rangesInsideALongerReplacement() {
    // "a&nbsp;b" read as "a", U+00A0 (two bytes), "b".
    let map = SourceMap(segments: [
      .init(proseStart: 0, proseLength: 1, sourceStart: 0, sourceLength: 1),
      .init(proseStart: 1, proseLength: 2, sourceStart: 1, sourceLength: 6),
      .init(proseStart: 3, proseLength: 1, sourceStart: 7, sourceLength: 1),
    ])
    #expect(map.sourceRange(ofProse: 2..<4) == 1..<8)  // starts inside: from the replacement's start
    #expect(map.sourceRange(ofProse: 0..<2) == 0..<7)  // ends inside: to the replacement's end
    #expect(map.sourceRange(ofProse: 2..<2) == 1..<7)
    #expect(map.sourceRange(ofProse: 1..<3) == 1..<7)
  }

  @Test(arguments: [
    (0..<17, 4..<29),  // both cells
    (0..<8, 4..<12),  // "Cell one"
    (9..<17, 21..<29),  // "Cell two"
    (5..<13, 9..<25),  // "one\nCell"
    (8..<13, 21..<25),  // "\nCell": starts in the gap, so at the next piece of source
    (3..<9, 7..<12),  // "l one\n": ends in the gap, so at the end of the piece before
    (8..<9, 21..<21),  // only the inserted line break: an empty range
  ] as [(Range<Int>, Range<Int>)])
  func gapBetweenSegments(prose: Range<Int>, source: Range<Int>) {
    #expect(gapMap.sourceRange(ofProse: prose) == source)
  }

  @Test func beforeTheFirstAndAfterTheLastSegment() {
    // A bullet the front end put in front of "Item" (source 10..<14), and a full stop after it.
    let map = SourceMap(segments: [.init(proseStart: 2, proseLength: 4, sourceStart: 10, sourceLength: 4)])
    #expect(map.sourceRange(ofProse: 0..<4) == 10..<12)
    #expect(map.sourceRange(ofProse: 0..<2) == 10..<10)
    #expect(map.sourceRange(ofProse: 5..<7) == 13..<14)
    #expect(map.sourceRange(ofProse: 6..<7) == 14..<14)
  }

  @Test func appendMergesOnlyTouchingByteForBytePieces() {
    var map = SourceMap.identity
    map.append(proseStart: 0, proseLength: 5, sourceStart: 3, sourceLength: 5)
    map.append(proseStart: 5, proseLength: 1, sourceStart: 8, sourceLength: 5)  // a replacement: kept apart
    map.append(proseStart: 6, proseLength: 3, sourceStart: 13, sourceLength: 3)  // after a replacement: kept
    map.append(proseStart: 9, proseLength: 3, sourceStart: 16, sourceLength: 3)  // touches: merged
    map.append(proseStart: 12, proseLength: 2, sourceStart: 30, sourceLength: 2)  // a tag skipped in the source
    map.append(proseStart: 15, proseLength: 2, sourceStart: 32, sourceLength: 2)  // a gap in the prose
    #expect(!map.isIdentity)
    #expect(map.segments == [
      .init(proseStart: 0, proseLength: 5, sourceStart: 3, sourceLength: 5),
      .init(proseStart: 5, proseLength: 1, sourceStart: 8, sourceLength: 5),
      .init(proseStart: 6, proseLength: 6, sourceStart: 13, sourceLength: 6),
      .init(proseStart: 12, proseLength: 2, sourceStart: 30, sourceLength: 2),
      .init(proseStart: 15, proseLength: 2, sourceStart: 32, sourceLength: 2),
    ])
  }

  /// A random front end: copies text, turns entities into single characters, drops tags and inserts line
  /// breaks. Every prose range that starts and ends on text from the source maps to exactly the source from
  /// the first byte's origin to the last byte's.
  @Test(arguments: 0..<25)
  func randomExtractionMapsBackExactly(seed: Int) {
    var generator = SplitMix64(seed: UInt64(seed) &+ 7)
    var map = SourceMap.identity
    var origins: [Range<Int>?] = []  // for each prose byte, the source bytes it came from
    var sourceLength = 0
    for _ in 0..<Int.random(in: 1...12, using: &generator) {
      switch Int.random(in: 0..<4, using: &generator) {
      case 0:  // text, copied
        let length = Int.random(in: 1...6, using: &generator)
        map.append(proseStart: origins.count, proseLength: length, sourceStart: sourceLength, sourceLength: length)
        for i in 0..<length { origins.append(sourceLength + i..<sourceLength + i + 1) }
        sourceLength += length
      case 1:  // an entity: several source bytes, one or two prose bytes
        let source = Int.random(in: 4...8, using: &generator)
        let prose = Int.random(in: 1...2, using: &generator)
        map.append(proseStart: origins.count, proseLength: prose, sourceStart: sourceLength, sourceLength: source)
        for _ in 0..<prose { origins.append(sourceLength..<sourceLength + source) }
        sourceLength += source
      case 2:  // a tag: source only
        sourceLength += Int.random(in: 3...7, using: &generator)
      default:  // an inserted separator: prose only
        origins.append(nil)
      }
    }
    for lower in origins.indices where origins[lower] != nil {
      for upper in (lower + 1)...origins.count where origins[upper - 1] != nil {
        let expected = origins[lower]!.lowerBound..<origins[upper - 1]!.upperBound
        #expect(map.sourceRange(ofProse: lower..<upper) == expected, "\(lower)..<\(upper) in \(map.segments)")
      }
    }
  }
}

@Suite("Source maps read backwards")
struct SourceMapInverseTests {
  @Test func identityMapsEveryRangeToItself() {
    let inverse = SourceMap.Inverse(.identity)
    for range in [0..<0, 0..<5, 7..<100] { #expect(inverse.proseRange(ofSource: range) == range) }
  }

  @Test(arguments: [
    (3..<7, 0..<4),  // "Fish"
    (8..<13, 5..<6),  // the whole entity is "&"
    (9..<11, 5..<6),  // part of the entity is all of "&"
    (14..<19, 7..<12),  // "chips"
    (3..<19, 0..<12),  // everything
  ])
  func entitiesMapToTheirText(source: Range<Int>, prose: Range<Int>) {
    #expect(SourceMap.Inverse(entityMap).proseRange(ofSource: source) == prose)
  }

  @Test func markupBetweenPiecesMapsToTheNearestProse() {
    let inverse = SourceMap.Inverse(gapMap)
    #expect(inverse.proseRange(ofSource: 4..<12) == 0..<8)  // "Cell one"
    #expect(inverse.proseRange(ofSource: 21..<29) == 9..<17)  // "Cell two"
    // From the markup between the cells: starts at the next cell, ends at the one before.
    #expect(inverse.proseStart(ofSource: 14) == 9)
    #expect(inverse.proseEnd(ofSource: 14) == 8)
    #expect(inverse.proseRange(ofSource: 13..<16).isEmpty)
    #expect(inverse.proseStart(ofSource: 0) == 0)
  }

  @Test func itUndoesTheMapOfEveryWord() {
    for map in [entityMap, gapMap] {
      let inverse = SourceMap.Inverse(map)
      for segment in map.segments where segment.proseLength == segment.sourceLength {
        let prose = segment.proseStart..<(segment.proseStart + segment.proseLength)
        #expect(inverse.proseRange(ofSource: map.sourceRange(ofProse: prose)) == prose)
      }
    }
  }
}
