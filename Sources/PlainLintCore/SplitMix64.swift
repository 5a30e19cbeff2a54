/// SplitMix64: a small, fast, seeded pseudo-random generator, so the same seed always gives the same benchmark
/// corpus and the same random test inputs (a failing one can be found again from its seed).
///
/// The algorithm is Steele, Lea and Flood's (2014), as used to seed xoshiro. It is not for cryptography.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The generator's whole state.
  private var state: UInt64

  /// Creates a generator from a seed.
  public init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (Lemire's multiply-shift; the tiny bias does not matter for a corpus).
  public mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0, "the bound must be positive")
    return Int(((next() >> 32) &* UInt64(bound)) >> 32)
  }

  /// A number in `range`.
  public mutating func inRange(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.count)
  }

  /// True `percent` times in a hundred.
  public mutating func chance(_ percent: Int) -> Bool {
    below(100) < percent
  }

  /// An index picked with the given weights (which must not all be zero).
  public mutating func weighted(_ weights: [Int]) -> Int {
    var roll = below(weights.reduce(0, +))
    for (index, weight) in weights.enumerated() {
      if roll < weight { return index }
      roll -= weight
    }
    return weights.count - 1
  }
}
