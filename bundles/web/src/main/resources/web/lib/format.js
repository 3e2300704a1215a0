// Dates as users read them: dd.MM.yyyy (and HH:mm for moments), in the browser's time zone.
const pad = (n) => String(n).padStart(2, '0');

/** '2026-04-01' → '01.04.2026'. */
export function date(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** An instant → '23.11.2026 10:48'. */
export function moment(iso) {
  if (!iso) return '';
  const t = new Date(iso);
  return `${pad(t.getDate())}.${pad(t.getMonth() + 1)}.${t.getFullYear()} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** '01.04.2026' → '2026-04-01'; null when it is not such a date. */
export function parseDate(text) {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec((text || '').trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  const t = new Date(iso + 'T00:00:00Z');
  return !isNaN(t) && t.toISOString().startsWith(iso) ? iso : null;
}
