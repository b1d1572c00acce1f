import { expect } from '@open-wc/testing';
import { placeLabels, type LabelCandidate } from './label-placement.js';

describe('placeLabels', () => {
  const label = (id: string, x: number, y: number, priority: number, kind: 'point' | 'area' = 'area'): LabelCandidate => ({ id, x, y, _width: 40, _height: 12, _priority: priority, _kind: kind });

  it('keeps the higher priority of two overlapping labels', () => {
    const placed = placeLabels([label('low', 100, 100, 1), label('high', 110, 102, 5)], 400, 300);
    expect(placed.map((p) => p.id)).to.deep.equal(['high']);
  });

  it('drops labels that would leave the frame, and keeps clear of obstacles', () => {
    expect(placeLabels([label('edge', 10, 100, 1)], 400, 300)).to.deep.equal([]);
    expect(placeLabels([label('a', 100, 100, 1)], 400, 300, [[90, 95, 110, 105]])).to.deep.equal([]);
  });

  it('moves a point label beside its dot when above and below would leave the frame', () => {
    const placed = placeLabels([{ id: 'p', x: 20, y: 10, _width: 30, _height: 12, _priority: 1, _kind: 'point' }], 400, 30);
    expect(placed).to.have.length(1);
    expect(placed[0]!.x).to.be.greaterThan(20);
    expect(placed[0]!.y).to.equal(10);
  });

  it('keeps a label beside a big dot clear of the dot', () => {
    const dot: [number, number, number, number] = [92, 12, 108, 28];
    const placed = placeLabels([{ id: 'p', x: 100, y: 20, _width: 30, _height: 12, _priority: 1, _kind: 'point', _gap: 10 }], 140, 40, [dot]);
    expect(placed).to.have.length(1); // above and below leave the frame; the end side is too narrow; the start side fits
    expect(placed[0]!.x + 15).to.be.at.most(92);
  });

  it('moves a point label below its dot when above is taken', () => {
    const placed = placeLabels([label('top', 100, 81, 9), label('p', 100, 100, 1, 'point')], 400, 300);
    const p = placed.find((l) => l.id === 'p')!;
    expect(p.y).to.be.greaterThan(100);
  });
});
