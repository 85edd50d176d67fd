import Testing

/// The scanner itself: braces in comments and strings do not count, bodies are named.
@Suite struct SwiftShapeScannerTests {
    func bodies(_ source: String) -> [String] {
        SwiftShapeScanner.bodies(in: source).map { "\($0.name):\($0.lineCount)" }
    }

    @Test func functionsInitializersAndComputedProperties() {
        let source = """
        struct S {
            var x: Int = 0
            init(a: Int) {
                x = a
            }
            public static func make(
                a: Int
            ) -> S {
                S(a: a)
            }
            var doubled: Int {
                x * 2
            }
            let table: [Int] = {
                [1, 2]
            }()
        }
        """
        #expect(bodies(source) == ["init:3", "make:5", "doubled:3", "table:3"])
    }

    @Test func bracesInCommentsAndStringsAreIgnored() {
        let source = #"""
        func f() {
            // a { in a comment
            /* and { in /* a nested */ block } */
            let s = "a { in a string \("with } interpolation") and \\"
            let raw = #"raw { "quoted" }"#
            let text = """
                multi { line
                """
        }
        func g() {
        }
        """#
        #expect(bodies(source) == ["f:9", "g:2"])
    }

    @Test func statementsBeforeABlockAreNotDeclarations() {
        let source = """
        func f() {
            var count: Int
            if count > 0 {
            }
            let total = items
                .map { $0 }
            guard let x = y else {
            }
            self.init(a: 1) {
            }
        }
        """
        #expect(bodies(source) == ["f:11"])
    }

    /// A declaration ending in a string or an optional type is whole: the function after it
    /// is still found, under its own name.
    @Test func linesEndingInAStringOrAnOptionalEndTheStatement() {
        let source = """
        enum E {
            case a = "a"
            static let header = "x,y"
            var name: String?
            func f() {
            }
        }
        """
        #expect(bodies(source) == ["f:2"])
    }

    @Test func fileLinesCountLikeWc() {
        #expect(SwiftShapeScanner.lineCount(of: "a\nb\n") == 2)
    }
}
