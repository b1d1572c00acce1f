import { SardStep } from './sard-step.component.js';
import { defineOnce } from '../../define-once.js';

defineOnce('sard-step', SardStep);
declare global {
  interface HTMLElementTagNameMap { 'sard-step': SardStep }
}
export { SardStep };
