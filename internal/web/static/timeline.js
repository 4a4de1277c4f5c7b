// The timeline: events per day, stacked by type (uPlot bars). Dragging
// across it selects a date range, which the app turns into from/to filters.
/* global uPlot */
import { TYPES } from './dom.js';

const DAY = 86400;

// dayTS returns the UTC midnight of "YYYY-MM-DD" in seconds.
export function dayTS(s) {
  const [y, m, d] = s.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 1000;
}

// tsDay is the inverse of dayTS.
export function tsDay(ts) {
  return new Date(ts * 1000).toISOString().slice(0, 10);
}

// createTimeline returns {setDays}. onBrush(from, to) gets the dragged range.
export function createTimeline(container, onBrush, readout) {
  let plot = null;
  let days = [];
  let rows = []; // counts per day, aligned with the x values

  // uPlot has no stacked mode: series k holds the sum of types 0..k and the
  // series are drawn tallest first, so each shorter one covers the one below.
  function build(xs, stacks, from, to) {
    const bars = uPlot.paths.bars({ size: [0.85, 48], gap: 1 });
    const series = [{}];
    const data = [xs];
    for (let k = TYPES.length - 1; k >= 0; k--) {
      series.push({ label: TYPES[k].label, fill: TYPES[k].color, stroke: TYPES[k].color, width: 0, paths: bars, points: { show: false } });
      data.push(stacks[k]);
    }
    const opts = {
      width: Math.max(200, container.clientWidth),
      height: 130,
      legend: { show: false },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      cursor: { y: false, drag: { x: true, y: false, setScale: false }, points: { show: false } },
      scales: { x: { time: true, range: (u, lo, hi) => [lo - DAY / 2, hi + DAY / 2] }, y: { range: (u, lo, hi) => [0, Math.max(1, Math.ceil(hi * 1.1))] } },
      axes: [{ space: 60 }, { size: 36, space: 24 }],
      series,
      hooks: {
        // Mark the filtered range once the plot has laid out its scales.
        ready: [(u) => showRange(u, from, to)],
        // Say what the bar under the pointer holds, since bars carry no labels.
        setCursor: [(u) => {
          const i = u.cursor.idx;
          if (!readout) return;
          if (i == null || !rows[i]) {
            readout.textContent = '';
            return;
          }
          const parts = Object.entries(rows[i].counts).filter(([, n]) => n).map(([k, n]) => `${n} ${k.replace('_', ' ')}`);
          readout.textContent = `${rows[i].date}: ${parts.join(', ') || 'no events'}`;
        }],
        setSelect: [(u) => {
          if (u.select.width < 3) return;
          const a = u.posToVal(u.select.left, 'x');
          const b = u.posToVal(u.select.left + u.select.width, 'x');
          onBrush(tsDay(Math.round(a / DAY) * DAY), tsDay(Math.round(b / DAY) * DAY));
        }],
      },
    };
    if (plot) plot.destroy();
    plot = new uPlot(opts, data, container);
  }

  function showRange(plot, from, to) {
    if (!from && !to) return;
    const lo = from ? dayTS(from) - DAY / 2 : plot.scales.x.min;
    const hi = to ? dayTS(to) + DAY / 2 : plot.scales.x.max;
    const left = plot.valToPos(lo, 'x');
    const right = plot.valToPos(hi, 'x');
    plot.setSelect({ left, width: Math.max(2, right - left), top: 0, height: plot.bbox.height / devicePixelRatio }, false);
  }

  window.addEventListener('resize', () => plot && plot.setSize({ width: Math.max(200, container.clientWidth), height: 130 }));

  return {
    // setDays draws the histogram ({date, counts}) and marks from..to.
    setDays(input, from, to) {
      days = [...input].sort((a, b) => (a.date < b.date ? -1 : 1));
      if (!days.length) {
        if (plot) plot.destroy();
        plot = null;
        container.replaceChildren(document.createTextNode('No events per day to show.'));
        container.setAttribute('aria-label', 'No events');
        return;
      }
      container.replaceChildren();
      // Every day between the first and last, zeros included, so gaps show.
      const byDate = new Map(days.map((d) => [d.date, d.counts || {}]));
      const xs = [];
      rows = [];
      const stacks = TYPES.map(() => []);
      let total = 0;
      for (let t = dayTS(days[0].date); t <= dayTS(days[days.length - 1].date); t += DAY) {
        xs.push(t);
        const c = byDate.get(tsDay(t)) || {};
        rows.push({ date: tsDay(t), counts: c });
        // Types the UI does not know still count, in the top bar.
        let unknown = 0;
        for (const [k, v] of Object.entries(c)) if (!TYPES.some((ty) => ty.id === k)) unknown += v;
        let sum = 0;
        TYPES.forEach((ty, k) => {
          sum += (c[ty.id] || 0) + (k === TYPES.length - 1 ? unknown : 0);
          stacks[k].push(sum);
        });
        total += sum;
      }
      build(xs, stacks, from, to);
      container.dataset.bars = String(days.length);
      container.dataset.total = String(total);
      container.setAttribute('aria-label', `Events per day: ${total} events from ${days[0].date} to ${days[days.length - 1].date}`);
    },
  };
}
