// Charts drawn by ECharts (Apache-2.0; its WebJar's ES module build is embedded at /lib/echarts/ by the web bundle):
// lines over years, bars, scatter. Each chart is a box with role="img" whose aria-label says every value in words,
// so that a screen reader reads what the picture shows. ECharts is loaded on the first chart shown and draws on a
// canvas: its SVG renderer writes style attributes, which the platform's Content-Security-Policy refuses.

const COLOURS = ['#1d4f91', '#c98a00', '#2e7d32', '#b3261e', '#6b7785', '#6a1b9a', '#00838f', '#8d6e63'];
const num = (v) => (v == null || v === '' ? '—' : String(v).replace('.', ','));
let library = null;

/**
 * Lines over years (or any ordered categories); a series with dashed: true is drawn dashed (a target).
 *
 * @param title what the chart shows, the start of its label for screen readers
 * @param categories the years along the axis
 * @param series [{name, values, dashed}] one value (or null) per category
 */
export function lines(title, categories, series, {unit = '', height = 300} = {}) {
  return chart(label(title, categories, series), height, {
    tooltip: {trigger: 'axis', renderMode: 'richText', valueFormatter: num},
    legend: {top: 0},
    xAxis: {type: 'category', data: categories.map(String), boundaryGap: false},
    yAxis: {type: 'value', name: unit, axisLabel: {formatter: num}},
    series: series.map((s) => ({name: s.name, type: 'line', data: s.values, symbolSize: 7,
      lineStyle: s.dashed ? {type: 'dashed'} : undefined})),
  });
}

/**
 * Bars per category, one colour per series; stacked: true piles the series up (counts of kinds).
 *
 * @param series [{name, values}] one value per category
 */
export function bars(title, categories, series, {stacked = false, height = 300} = {}) {
  return chart(label(title, categories, series), height, {
    tooltip: {trigger: 'axis', renderMode: 'richText', valueFormatter: num},
    legend: {top: 0},
    xAxis: {type: 'category', data: categories.map(String), axisLabel: {interval: 0, hideOverlap: true}},
    yAxis: {type: 'value', axisLabel: {formatter: num}},
    series: series.map((s) => ({name: s.name, type: 'bar', data: s.values, stack: stacked ? 'all' : undefined})),
  });
}

/**
 * Points on two axes, one colour per group.
 *
 * @param groups [{name, points: [{name, x, y}]}]
 */
export function scatter(title, groups, {x = '', y = '', height = 320} = {}) {
  const words = groups.map((g) => `${g.name}: ${g.points.map((p) => `${p.name} (${num(p.x)}; ${num(p.y)})`).join(', ')}`);
  return chart(`${title}. ${x} / ${y}. ${words.join('; ')}`, height, {
    tooltip: {trigger: 'item', renderMode: 'richText',
      formatter: (p) => `${p.data[2]}: ${num(p.data[0])}; ${num(p.data[1])}`},
    legend: {top: 0},
    xAxis: {type: 'value', name: x, scale: true, axisLabel: {formatter: num}},
    yAxis: {type: 'value', name: y, scale: true, axisLabel: {formatter: num}},
    series: groups.map((g) => ({name: g.name, type: 'scatter', symbolSize: 9, data: g.points.map((p) => [p.x, p.y, p.name])})),
  });
}

function label(title, categories, series) {
  return `${title}. ` + series.map((s) => `${s.name}: ${categories.map((c, i) => `${c} — ${num(s.values[i])}`).join(', ')}`).join('; ');
}

/** The chart's box; ECharts draws into it once it is on the page and has a width, and follows its size. */
function chart(ariaLabel, height, option) {
  const box = document.createElement('div');
  box.className = 'echart';
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', ariaLabel);
  box.style.width = '100%';
  box.style.height = `${height}px`;
  let drawn = null;
  const observer = new ResizeObserver(async () => {
    if (!box.isConnected) { // the screen moved on: let the chart go
      observer.disconnect();
      if (drawn && drawn.dispose) drawn.dispose();
      return;
    }
    if (drawn) {
      if (drawn.resize) drawn.resize();
      return;
    }
    if (!box.clientWidth) return;
    drawn = 'loading';
    library = library || import('./echarts/echarts.esm.min.js');
    const echarts = await library;
    drawn = echarts.init(box, null, {renderer: 'canvas'});
    drawn.setOption({animation: false, color: COLOURS,
      grid: {left: 12, right: 24, top: 48, bottom: 12, containLabel: true}, ...option});
  });
  observer.observe(box);
  return box;
}
