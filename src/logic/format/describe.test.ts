import { expect } from '@open-wc/testing';
import { describeState, featureName } from './describe.js';
import { buildGeo } from '../geo/topology.js';
import { foldStory } from '../story/state.js';
import { basicWithInlineTopology } from '../../test-support/fixtures.js';
import type { Topology } from 'topojson-specification';

describe('describeState', () => {
  async function story(locale: string) {
    const file = await basicWithInlineTopology();
    file.locale = locale;
    const { geo } = buildGeo(file.map!.topology as Topology, file.map!, 't', 'f');
    return { file, geo, ...foldStory(file, geo) };
  }

  it('describes who holds what and what is on the map, in Arabic', async () => {
    const { file, geo, states } = await story('ar-SY');
    const { full, change } = describeState(file, geo, 'ar-SY', states[1]!, states[0]!, ['NW', 'NE']);
    expect(full).to.contain('خريطة').and.contain('أخضر: NW').and.contain('تعرض الخريطة NW و NE'.replace(' و ', ' و'));
    expect(change).to.contain('ظهر على الخريطة');
  });

  it('uses English joining words and Intl list formatting in English', async () => {
    const { file, geo, states } = await story('en-GB');
    const { change } = describeState(file, geo, 'en-GB', states[2]!, states[1]!, []);
    expect(change).to.equal('two. Now held by أخضر: NE and SE.');
  });

  it('picks name:LANG before name', () => {
    const f = { type: 'Feature' as const, geometry: null, properties: { name: 'حلب', 'name:en': 'Aleppo' } };
    expect(featureName(f as any, 'en', 'x')).to.equal('Aleppo');
    expect(featureName(f as any, 'ar', 'x')).to.equal('حلب');
    expect(featureName(undefined, 'ar', 'x')).to.equal('x');
  });
});
