/// `fleetsim migrate` flags of docs/migrate.md's "Management" section.
extension MigrateFlags {
    // MARK: Management layer

    public static let completionTimeout = FlagKnob(
        "completion-timeout", argument: "DURATION\\|none", valueName: "duration|none",
        help: "Completion timeout, or 'none'. Default: the preset's (nova 800s/GiB, kubevirt 150s/GiB, others none).",
        default: "preset",
        notes: "`nova`: 800 s per GiB of max(RAM, 2 GiB), truncated to whole seconds (`live_migration_completion_timeout`, driver.py `_live_migration_data_gb`); `kubevirt`: 150 s per GiB (MigrationCompletionTimeoutPerGiB); others none. At least 1 s: a shorter one ends the migration before its setup is over")
    public static let completionTimeoutPerGib = FlagKnob(
        "completion-timeout-per-gib", argument: "DURATION", valueName: "duration",
        help: "Completion timeout per GiB of guest memory (nova: of max(RAM, 2GiB)), e.g. 800s.",
        default: "preset",
        notes: "the same, per GiB of guest memory (of max(RAM, 2 GiB) under `nova`); exclusive with `--completion-timeout`")
    public static let timeoutAction = FlagKnob(
        "timeout-action", argument: "abort\\|pause\\|postcopy", valueName: "action",
        help: "What the completion timeout does: abort, pause (pause the guest and copy the rest) or postcopy (implies --postcopy). Allowed: libvirt pause|postcopy, kubevirt abort|postcopy, nova all; qemu and xen only with --completion-timeout.",
        default: "preset",
        notes: "what the completion timeout does. `libvirt`: `pause` (default, `virsh migrate --timeout-suspend`) or `postcopy` (`--timeout-postcopy`); `nova`: `abort` (default, `live_migration_timeout_action`), `pause` or `postcopy` (`force_complete` without / with `live_migration_permit_post_copy`); `kubevirt`: `abort` (default) or `postcopy` (allowPostCopy); `qemu` and `xen` have no timeout of their own, so any action, given `--completion-timeout`. `postcopy` enables post-copy. Refused without a completion timeout to act on")
    public static let progressTimeout = FlagKnob(
        "progress-timeout", argument: "DURATION\\|none", valueName: "duration|none",
        help: "Abort when the dirty set has not reached a new minimum for this long, or 'none'. Default: kubevirt 150s, others none.",
        default: "preset",
        notes: "abort when the dirty set at a sync has not reached a new minimum for this long. `kubevirt`: 150 s (MigrationProgressTimeout); `nova`: none (`live_migration_progress_timeout` 0, deprecated); others none")
    public static let downtimeSteps = FlagKnob(
        "downtime-steps", argument: "N", valueName: "n",
        help: "Nova downtime ramp: number of steps (live_migration_downtime_steps, default 10 under nova); 0 = no ramp.",
        default: "preset",
        notes: "Nova's downtime ramp, `live_migration_downtime_steps` (10 under `nova`; no ramp elsewhere); `0` removes the ramp (the limit then stays at its first value, 50 ms under `nova`); `--downtime-limit` alone also removes it. Giving any of the three ramp flags builds Nova's ramp under any preset, with Nova's defaults for the others")
    public static let downtimeDelay = FlagKnob(
        "downtime-delay", argument: "DURATION", valueName: "duration",
        help: "Nova downtime ramp: delay between steps per GiB, whole seconds (live_migration_downtime_delay, default 75s).",
        default: "`75s`",
        notes: "`live_migration_downtime_delay`, whole seconds per GiB between steps")
    public static let maxDowntime = FlagKnob(
        "max-downtime", argument: "DURATION", valueName: "duration",
        help: "Nova downtime ramp: final limit, whole milliseconds (live_migration_downtime, default 500ms).",
        default: "`500ms`",
        notes: "`live_migration_downtime`, whole milliseconds: the ramp's last limit; it starts at max/steps (nova/virt/libvirt/migration.py `downtime_steps`)")
    public static let maxLivePasses = FlagKnob(
        "max-live-passes", argument: "N\\|none", valueName: "n|none",
        help: "Xen: at most N live passes, or 'none' (DEF_MAX_ITERS 29 under xen).",
        default: "preset",
        notes: "`xen`: 29 (DEF_MAX_ITERS, tools/libxc/xc_domain_save.c); others none")
    public static let maxSentFactor = FlagKnob(
        "max-sent-factor", argument: "X\\|none", valueName: "factor|none",
        help: "Xen: stop once pages sent exceed this factor x guest pages, or 'none' (DEF_MAX_FACTOR 3 under xen).",
        default: "preset",
        notes: "`xen`: 3 (DEF_MAX_FACTOR): stop once pages sent exceed X × guest pages")
    public static let minPagesPerPass = FlagKnob(
        "min-pages-per-pass", argument: "N\\|none", valueName: "n|none",
        help: "Xen: stop once a pass sends fewer pages than this, or 'none' (50 under xen).",
        default: "preset",
        notes: "`xen`: 50 (`sent_this_iter + skip_this_iter < 50`)")
    public static let limitAction = FlagKnob(
        "limit-action", argument: "stop-and-copy\\|abort", valueName: "action",
        help: "What the Xen limits do: stop-and-copy (default) or abort.",
        default: "`stop-and-copy`",
        notes: "what Xen's limits do: suspend and send the rest (xc_domain_save `last_iter`), or give up")
    public static let switchoverRule = FlagKnob(
        "switchover-rule", argument: "on\\|off", valueName: "on|off",
        help: "QEMU's bandwidth x downtime-limit switchover rule: on (default) or off (xen: off).",
        default: "`on` (`xen`: `off`)",
        notes: "QEMU's bandwidth × downtime-limit rule; Xen's toolstack has none. `off` needs `--max-live-passes` or `--min-pages-per-pass` (at least 1): with neither, nothing ends pre-copy")
    static var management: [FlagKnob] {
        [completionTimeout, completionTimeoutPerGib, timeoutAction, progressTimeout, downtimeSteps, downtimeDelay, maxDowntime, maxLivePasses, maxSentFactor, minPagesPerPass, limitAction, switchoverRule]
    }

    static var managementTable: KnobTable {
        KnobTable(id: "migrate.management", file: .migrate, header: "| flag | default | source / notes |", knobs: management)
    }
}
