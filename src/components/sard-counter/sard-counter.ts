import { SardCounter } from './sard-counter.component.js';
import { defineOnce } from '../../define-once.js';

defineOnce('sard-counter', SardCounter);
declare global {
  interface HTMLElementTagNameMap { 'sard-counter': SardCounter }
}
export { SardCounter };
