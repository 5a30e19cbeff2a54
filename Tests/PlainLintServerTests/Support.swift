import Testing

@testable import PlainLintServer
