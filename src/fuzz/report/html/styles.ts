/** The HTML report's one stylesheet, inlined: the file must open from a CI artifact with no network. */
export const STYLES = `
:root { --winner:#2e7d32; --loser:#1565c0; --undocumented:#ef6c00; --server-error:#c62828; --unknown:#757575; --held:#d7d7d7; }
body { font: 14px/1.45 system-ui, -apple-system, Segoe UI, sans-serif; margin: 0 auto; max-width: 1200px; padding: 16px 24px; color: #222; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; }
h3 { font-size: 15px; margin: 18px 0 4px; }
code, pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
pre { background: #f6f8fa; padding: 8px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
table { border-collapse: collapse; margin: 6px 0; } th, td { border: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; font-weight: 600; } small { color: #666; }
.meta { color: #555; margin: 0; } .exit-1 { color: var(--server-error); font-weight: 600; } .exit-0 { color: var(--winner); font-weight: 600; } .exit-2 { color: var(--undocumented); font-weight: 600; }
.interrupted { background: #fff3e0; border: 1px solid var(--undocumented); padding: 6px 10px; }
td.passed { background: #e8f5e9; } td.failed { background: #ffebee; font-weight: 600; } td.skipped { background: #fafafa; color: #777; } td.none { background: #fff; }
td.bad { color: var(--server-error); font-weight: 600; }
.failure { border-left: 4px solid var(--server-error); padding: 4px 12px; margin: 14px 0; background: #fffafa; }
.failure .intermittent { color: var(--undocumented); }
.race { margin: 8px 0 14px; } figcaption { color: #444; font-size: 13px; margin-bottom: 2px; }
svg.timeline { background: #fff; border: 1px solid #eee; display: block; }
svg .label, svg .tick { font: 11px ui-monospace, monospace; fill: #333; }
svg .held { fill: var(--held); } svg .axis { stroke: #999; }
svg .released { stroke: #000; stroke-width: 1.5; }
svg .release-window { fill: #fff59d; opacity: .6; }
svg g[data-outcome] .waiting { opacity: .45; }
svg g[data-outcome="winner"] rect.waiting, svg g[data-outcome="winner"] rect.receiving { fill: var(--winner); }
svg g[data-outcome="loser"] rect.waiting, svg g[data-outcome="loser"] rect.receiving { fill: var(--loser); }
svg g[data-outcome="undocumented"] rect.waiting, svg g[data-outcome="undocumented"] rect.receiving { fill: var(--undocumented); }
svg g[data-outcome="server-error"] rect.waiting, svg g[data-outcome="server-error"] rect.receiving { fill: var(--server-error); }
svg g[data-outcome="unknown"] rect.waiting, svg g[data-outcome="unknown"] rect.receiving { fill: var(--unknown); }
.legend { font-size: 12px; color: #444; } .chip i, .seg { display: inline-block; width: 12px; height: 10px; margin-right: 3px; vertical-align: middle; }
.chip[data-outcome="winner"] i { background: var(--winner); } .chip[data-outcome="loser"] i { background: var(--loser); }
.chip[data-outcome="undocumented"] i { background: var(--undocumented); } .chip[data-outcome="server-error"] i { background: var(--server-error); }
.chip[data-outcome="unknown"] i { background: var(--unknown); }
.seg.held { background: var(--held); } .seg.waiting { background: var(--loser); opacity: .45; } .seg.receiving { background: var(--loser); }
.mix { display: flex; width: 180px; height: 12px; border: 1px solid #ccc; } .mix-part { display: block; height: 100%; }
.mix-part[data-bucket="2xx"] { background: var(--winner); } .mix-part[data-bucket="409"] { background: var(--loser); }
.mix-part[data-bucket="412"] { background: #42a5f5; } .mix-part[data-bucket="428"] { background: #90caf9; }
.mix-part[data-bucket="other 4xx"] { background: #b39ddb; } .mix-part[data-bucket="5xx"] { background: var(--server-error); }
.mix-part[data-bucket="no answer"] { background: var(--unknown); }
.verdicts span { font-size: 11px; padding: 0 4px; margin-right: 2px; border-radius: 3px; }
.verdicts .passed { background: #e8f5e9; } .verdicts .failed { background: #ffcdd2; } .verdicts .skipped { background: #eee; color: #777; }
details > summary { cursor: pointer; margin: 6px 0; }
`;
