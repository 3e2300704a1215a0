// Charts in plain SVG for the screens that would rather show than tell: no library, readable by screen
// readers through the figure's label (every value in words).

/**
 * Grouped bars: one colour per group (series), values 0–100 (shares in per cent).
 *
 * @param labels the categories along the axis
 * @param series [{name, values}] one value per category
 */
export function bars(labels, series) {
  const colours = ['#1d4f91', '#c98a00', '#6b7785'];
  const ns = 'http://www.w3.org/2000/svg';
  const width = Math.max(320, labels.length * (series.length * 10 + 14) + 40);
  const height = 180;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height + 40}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', series.map((s) => `${s.name}: ${s.values.map((v, i) => `${labels[i]} ${v}`).join(', ')}`).join('; '));
  const el = (name, attrs, content) => {
    const node = document.createElementNS(ns, name);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
    if (content != null) node.textContent = content;
    svg.append(node);
  };
  el('line', {x1: 30, y1: height, x2: width, y2: height, stroke: '#8a96a3'});
  [0, 50, 100].forEach((v) => el('text', {x: 0, y: height - v * 1.6 + 4, 'font-size': 10, fill: '#55606b'}, v));
  const group = series.length * 10 + 14;
  labels.forEach((label, i) => {
    series.forEach((s, j) => {
      const v = Math.max(0, Math.min(100, Number(s.values[i]) || 0));
      el('rect', {x: 34 + i * group + j * 10, y: height - v * 1.6, width: 9, height: v * 1.6, fill: colours[j % colours.length]},
        null);
    });
    el('text', {x: 34 + i * group, y: height + 14, 'font-size': 10, fill: '#1b1f24'}, label);
  });
  series.forEach((s, j) => {
    el('rect', {x: 34 + j * 110, y: height + 24, width: 10, height: 10, fill: colours[j % colours.length]});
    el('text', {x: 48 + j * 110, y: height + 33, 'font-size': 10, fill: '#1b1f24'}, s.name.slice(0, 18));
  });
  return svg;
}
