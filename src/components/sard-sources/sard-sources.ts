import { SardSources } from './sard-sources.component.js';
import { defineOnce } from '../../define-once.js';

defineOnce('sard-sources', SardSources);
declare global {
  interface HTMLElementTagNameMap { 'sard-sources': SardSources }
}
export { SardSources };
