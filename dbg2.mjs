import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1280, height: 800 } });
await p.setContent('<svg id=s width=1200 height=800></svg>');
const r = await p.evaluate(async () => {
  const s = document.getElementById('s'); const NS = 'http://www.w3.org/2000/svg';
  const texts = []; for (let i = 0; i < 150; i++) { const t = document.createElementNS(NS, 'text'); t.textContent = 'حي الشيخ مقصود ' + i; t.setAttribute('x', 10 + (i % 10) * 110); t.setAttribute('y', 20 + Math.floor(i / 10) * 40); s.append(t); texts.push(t); }
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  await frame(); await frame();
  const out = {};
  for (const mode of ['xy', 'transform', 'style', 'xy-same']) {
    let total = 0;
    for (let f = 0; f < 20; f++) {
      const d = mode === 'xy-same' ? 0 : f;
      const t0 = performance.now();
      texts.forEach((t, i) => {
        const x = 10 + (i % 10) * 110 + d, y = 20 + Math.floor(i / 10) * 40 + d;
        if (mode.startsWith('xy')) { t.setAttribute('x', x); t.setAttribute('y', y); }
        else if (mode === 'transform') t.setAttribute('transform', `translate(${d},${d})`);
        else t.style.transform = `translate(${d}px,${d}px)`;
      });
      s.getBBox(); document.body.getBoundingClientRect();
      total += performance.now() - t0;
      await frame();
    }
    out[mode] = (total / 20).toFixed(2);
  }
  return out;
});
console.log(r);
await b.close();
