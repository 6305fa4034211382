import NotebookFormat
import Testing

@testable import NotebookDiff

/// The nbdime format, against the examples in nbdime's documentation (`diffing.rst`) and
/// vcs-anchors.md §3; sources are patched line by line instead of nesting character patches.
@Suite struct DiffNbdimeJSONTests {
    static func json(_ old: Notebook, _ new: Notebook, options: DiffOptions = .all) -> String {
        NotebookDiff(old: old, new: new, options: options).nbdimeJSON(indent: nil)
    }

    @Test func documentedExample() {
        var old = NB.notebook([NB.code("a = 1\nb = 2")], metadata: NB.object(#"{"foo": 1}"#), minor: 4)
        var new = NB.notebook([NB.code("a = 1\nb = 3")], metadata: NB.object(#"{"foo": 2}"#), minor: 4)
        #expect(Self.json(old, new) == #"""
            [{"op":"patch","key":"cells","diff":[{"op":"patch","key":0,"diff":[{"op":"patch","key":"source","diff":[\#
            {"op":"addrange","key":1,"valuelist":["b = 3"]},{"op":"removerange","key":1,"length":1}]}]}]},\#
            {"op":"patch","key":"metadata","diff":[{"op":"replace","key":"foo","value":2}]}]
            """#)
        old.metadata = JSONObject()
        new.metadata = JSONObject()
        #expect(Self.json(old, old) == "[]")
    }

    @Test func appendedCellIsAnAddrangeAtTheEnd() {
        let old = NB.notebook([NB.code("x", id: "a"), NB.code("y", id: "b")])
        let new = NB.notebook([NB.code("x", id: "a"), NB.code("y", id: "b"), NB.markdown("z", id: "c")])
        #expect(Self.json(old, new) == #"""
            [{"op":"patch","key":"cells","diff":[{"op":"addrange","key":2,"valuelist":[\#
            {"cell_type":"markdown","id":"c","metadata":{},"source":"z"}]}]}]
            """#)
    }

    @Test func replacedCellsAddBeforeTheyRemove() {
        let old = NB.notebook([NB.code("keep", id: "k"), NB.code("old one", id: "o"), NB.code("old two", id: "p")])
        let new = NB.notebook([NB.code("keep", id: "k"), NB.markdown("new", id: "n")])
        #expect(Self.json(old, new) == #"""
            [{"op":"patch","key":"cells","diff":[{"op":"addrange","key":1,"valuelist":[\#
            {"cell_type":"markdown","id":"n","metadata":{},"source":"new"}]},\#
            {"op":"removerange","key":1,"length":2}]}]
            """#)
    }

    @Test func cellEntriesInKeyOrder() {
        let old = NB.notebook([NB.code("print(1)", count: 1, outputs: [NB.stream("1\n")], metadata: NB.object(#"{"a": 1}"#))], minor: 4)
        let new = NB.notebook([NB.code("print(1)", id: "i", count: 2, outputs: [NB.stream("2\n")], metadata: NB.object(#"{"a": 1, "b": [1]}"#))], minor: 4)
        #expect(Self.json(old, new) == #"""
            [{"op":"patch","key":"cells","diff":[{"op":"patch","key":0,"diff":[\#
            {"op":"replace","key":"execution_count","value":2},\#
            {"op":"add","key":"id","value":"i"},\#
            {"op":"patch","key":"metadata","diff":[{"op":"add","key":"b","value":[1]}]},\#
            {"op":"patch","key":"outputs","diff":[{"op":"patch","key":0,"diff":[{"op":"patch","key":"text","diff":[\#
            {"op":"addrange","key":0,"valuelist":["2\n"]},{"op":"removerange","key":0,"length":1}]}]}]}]}]}]
            """#)
    }

    @Test func imagesAreReplacedWhole() {
        let old = NB.notebook([NB.code("plot()", id: "p", outputs: [NB.image(bytes: 3)])])
        let new = NB.notebook([NB.code("plot()", id: "p", outputs: [NB.image(bytes: 3, fill: "B")])])
        #expect(Self.json(old, new) == #"""
            [{"op":"patch","key":"cells","diff":[{"op":"patch","key":0,"diff":[\#
            {"op":"patch","key":"outputs","diff":[{"op":"patch","key":0,"diff":[\#
            {"op":"patch","key":"data","diff":[{"op":"replace","key":"image/png","value":"BBBB"}]}]}]}]}]}]
            """#)
    }

    @Test func emptyAttachmentsAppearing() {
        let old = NB.notebook([NB.markdown("x", id: "m")])
        let new = NB.notebook([NB.markdown("x", id: "m", attachments: JSONObject())])
        #expect(Self.json(old, new) == #"""
            [{"op":"patch","key":"cells","diff":[{"op":"patch","key":0,"diff":[{"op":"add","key":"attachments","value":{}}]}]}]
            """#)
    }

    @Test func cellTypeChangeAddsTheCodeKeys() {
        let old = NB.notebook([NB.markdown("x = 1", id: "a")])
        let new = NB.notebook([NB.code("x = 1", id: "a")])
        #expect(Self.json(old, new) == #"""
            [{"op":"patch","key":"cells","diff":[{"op":"patch","key":0,"diff":[\#
            {"op":"replace","key":"cell_type","value":"code"},\#
            {"op":"add","key":"execution_count","value":null},\#
            {"op":"add","key":"outputs","value":[]}]}]}]
            """#)
    }
}
