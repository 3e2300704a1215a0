// Shows the platform's health on the start page until the web UI arrives.
const state = document.getElementById('state');
const table = document.getElementById('modules');
const statusText = {
  UP: 'Работает / Up',
  DEGRADED: 'Работает с ошибками модулей / Degraded',
  DOWN: 'База данных недоступна / Database unreachable',
};

async function load() {
  try {
    const response = await fetch('api/health', { headers: { Accept: 'application/json' } });
    const health = await response.json();
    state.textContent = `${statusText[health.status] ?? health.status} — ОКО ${health.version}`;
    const body = table.tBodies[0];
    body.replaceChildren(...health.modules.map((m) => {
      const row = document.createElement('tr');
      for (const text of [m.name ?? m.symbolicName, m.version, m.problems.length ? `${m.state}: ${m.problems.join('; ')}` : m.state]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }));
    table.hidden = false;
  } catch (e) {
    state.textContent = `Сервер не отвечает / Server not responding (${e.message})`;
  }
}

load();
