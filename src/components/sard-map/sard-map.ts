import { SardMap } from './sard-map.component.js';
import { defineOnce } from '../../define-once.js';

defineOnce('sard-map', SardMap);
declare global {
  interface HTMLElementTagNameMap { 'sard-map': SardMap }
}
export { SardMap };
