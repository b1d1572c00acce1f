import { expect } from '@open-wc/testing';
import { interpolateZoom } from 'd3-interpolate';
import { envelope, fits, layerFrame, legs, viewOf, type Camera } from './flight.js';

const covers = (drawn: Camera, at: Camera, width: number, height: number) => fits(drawn, [at], width, height);

const W = 800;
const H = 500;
/** Where projected point `p` is on screen at `camera`. */
const screen = ([cx, cy, w]: Camera, [x, y]: [number, number]) => [(W / w) * (x - cx) + W / 2, (W / w) * (y - cy) + H / 2];
/** Where the picture drawn at `drawn`, moved by `frame`, puts projected point `p`. */
const moved = (drawn: Camera, frame: ReturnType<typeof layerFrame>, p: [number, number]) => {
  const [x, y] = screen(drawn, p);
  return [frame.s * x + frame.x, frame.s * y + frame.y];
};

describe('camera flights (logic/geo/flight)', () => {
  const drawn: Camera = [100, 50, 400];
  const points: Array<[number, number]> = [[100, 50], [-120, 300], [310, -44], [0, 0]];

  it('a picture drawn at one camera, moved by its layer frame, shows every point where the other camera would', () => {
    for (const at of [[100, 50, 400], [150, 20, 100], [-300, 80, 2000], [101, 49, 399.5]] as Camera[]) {
      const frame = layerFrame(drawn, at, W, H);
      for (const p of points) {
        const [x, y] = moved(drawn, frame, p);
        const [ex, ey] = screen(at, p);
        expect(x, `x of ${p} at ${at}`).to.be.closeTo(ex!, 1e-9);
        expect(y, `y of ${p} at ${at}`).to.be.closeTo(ey!, 1e-9);
      }
    }
  });

  it('lands exactly: the frame for the drawn camera itself is the identity', () => {
    expect(layerFrame(drawn, drawn, W, H)).to.deep.equal({ x: 0, y: 0, s: 1 });
  });

  it('fits: a view inside the drawn one and at most 2× closer fits; one past an edge or closer than that does not', () => {
    expect(covers(drawn, [120, 60, 250], W, H)).to.be.true;
    expect(covers(drawn, drawn, W, H)).to.be.true;
    expect(covers(drawn, [100, 50, 800], W, H), 'zoomed out').to.be.false;
    expect(covers(drawn, [280, 50, 200], W, H), 'panned past the east edge').to.be.false;
    expect(covers(drawn, [120, 60, 100], W, H), 'magnified 4×').to.be.false;
  });

  it('the envelope of a zoom path covers every sample of it, and is no wider than its widest sample needs', () => {
    const path = interpolateZoom([0, 0, 50], [2000, 900, 80]);
    const samples = Array.from({ length: 25 }, (_, i) => path(i / 24) as Camera);
    const wide = envelope(samples, W, H);
    for (const c of samples) {
      const [x0, y0, x1, y1] = viewOf(wide, W, H);
      const [a0, b0, a1, b1] = viewOf(c, W, H);
      expect(a0 >= x0 - 1e-9 && b0 >= y0 - 1e-9 && a1 <= x1 + 1e-9 && b1 <= y1 + 1e-9, `sample ${c} inside`).to.be.true;
    }
    const [x0, y0, x1, y1] = viewOf(wide, W, H);
    const [a0, b0, a1, b1] = samples.map((c) => viewOf(c, W, H)).reduce((u, v) => [Math.min(u[0], v[0]), Math.min(u[1], v[1]), Math.max(u[2], v[2]), Math.max(u[3], v[3])]);
    const tightX = Math.abs(x0 - a0) + Math.abs(x1 - a1) < 1e-6;
    const tightY = Math.abs(y0 - b0) + Math.abs(y1 - b1) < 1e-6;
    expect(tightX || tightY, 'its edges are the samples’ own on one axis').to.be.true;
  });

  it('a long zoom is cut into legs, each drawn where no sample magnifies its picture more than 2× and none shows a blank edge', () => {
    const path = interpolateZoom([0, 0, 40], [3000, -500, 1500]);
    const samples = Array.from({ length: 25 }, (_, i) => path(i / 24) as Camera);
    const cut = legs(samples, W, H);
    expect(cut.length, 'legs of a 37× zoom out').to.be.greaterThan(3);
    expect(cut.flatMap((leg, i) => (i ? leg.slice(1) : leg)), 'every sample once, in order').to.deep.equal(samples);
    for (const [i, leg] of cut.entries()) {
      expect(leg.length, `leg ${i}`).to.be.at.least(2);
      if (i) expect(leg[0], `leg ${i} starts where ${i - 1} ended`).to.deep.equal(cut[i - 1]!.at(-1));
      expect(fits(envelope(leg, W, H), leg, W, H), `leg ${i} fits its picture`).to.be.true;
    }
    expect(legs(samples.slice(0, 3), W, H).length, 'a short move is one leg').to.equal(1);
  });
});
