#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// Everything runs inside functions: top-level code in main.swift works on globals, which are slow in hot loops.
exit(BenchMain.main())
