import { css } from 'lit';

/**
 * Graphics keep their look on any host page: inherited text properties that a
 * CMS theme sets (font, spacing, transforms, colour) are reset here; theming
 * goes through --sard-* custom properties and parts. No rem: hosts set
 * `html { font-size: 8px }` and worse. Direction is left to inherit from the story.
 * A page rule such as `* { letter-spacing: .1em }` reaches the host element
 * itself and beats `:host`, so the reset is also set on the host's own
 * children, which no page rule can reach. In a layer: a component's own
 * unlayered rules (`time { font-size: 1.25em }`) still win over it.
 */
export const graphicHostStyles = css`
  :host { display: block; }
  :host(:not([data-story])) { visibility: hidden; }
  @layer sard-reset {
  :host, :host > * {
    font-family: var(--sard-font, system-ui, 'Noto Sans Arabic', 'Noto Naskh Arabic', sans-serif);
    font-size: var(--sard-font-size, 16px);
    font-weight: normal;
    font-style: normal;
    line-height: 1.4;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-align: start;
    white-space: normal;
    color: var(--sard-text, #1a1a1a);
  }
  }
  :host([hidden]) { display: none; }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
