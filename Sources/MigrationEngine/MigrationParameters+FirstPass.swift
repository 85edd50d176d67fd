/// What the first pass over guest memory puts on the wire: every page once, a zero page as
/// its header plus one byte (QEMU ram.c `save_zero_page`: `RAM_SAVE_FLAG_ZERO` and a one-byte
/// fill value), every other page as header plus page. Every migration sends at least this
/// before it can complete, so a point drawn inside it is reached by every attempt that gets
/// through the first pass.
extension MigrationParameters {
    public var firstPassWireBytes: Double {
        let page = Double(pageSizeBytes)
        let pages = Double(memoryBytes) / page
        let zeroPages = pages * zeroPageFraction
        return (pages - zeroPages) * (page + Double(pageHeaderBytes)) + zeroPages * Double(zeroPageWireBytes)
    }
}
