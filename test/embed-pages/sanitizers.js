// The sanitizers of test/node/embed-sanitizers.test.js, run in the page where a
// CMS runs them. window.sanitizers[name](html) resolves to the HTML the CMS would save.
//  - dompurify: DOMPurify.sanitize(html) with its default configuration.
//  - ckeditor-restricted: CKEditor 5 as Drupal configures a restricted format
//    ("Basic HTML"): paragraphs and headings h2–h6, plus the tags an admin adds
//    under "Source editing → Manually editable HTML tags": `<div data-* lang dir> <section data-*>`.
//  - ckeditor-full: CKEditor 5 as Drupal configures "Full HTML" (no HTML
//    restrictions): General HTML Support allowing every element, attribute,
//    class and style (Drupal's "arbitrary HTML support").
import { ClassicEditor, Essentials, Paragraph, Heading, GeneralHtmlSupport, SourceEditing } from '../../node_modules/ckeditor5/dist/browser/ckeditor5.js';

const headings = {
  options: [
    { model: 'paragraph', title: 'Paragraph', class: 'ck-heading_paragraph' },
    ...[2, 3, 4, 5, 6].map((n) => ({ model: `heading${n}`, view: `h${n}`, title: `Heading ${n}`, class: `ck-heading_heading${n}` })),
  ],
};
const dataAttributes = [{ key: /^data-.*$/, value: true }];
// docs/embed.md asks the Drupal admin for `lang dir` on div too: a stripped story keeps its direction.
const wrapperAttributes = [...dataAttributes, { key: /^(lang|dir)$/, value: true }];
const profiles = {
  'ckeditor-restricted': {
    htmlSupport: {
      allow: [
        { name: 'div', attributes: wrapperAttributes },
        { name: 'section', attributes: dataAttributes },
      ],
    },
  },
  'ckeditor-full': {
    htmlSupport: { allow: [{ name: /.*/, attributes: true, classes: true, styles: true }] },
  },
};

async function throughCkeditor(profile, html) {
  const host = document.createElement('div');
  document.body.append(host);
  const editor = await ClassicEditor.create(host, {
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph, Heading, GeneralHtmlSupport, SourceEditing],
    toolbar: ['heading', '|', 'sourceEditing'],
    heading: headings,
    ...profiles[profile],
  });
  try {
    editor.setData(html);
    return editor.getData();
  } finally {
    await editor.destroy();
    host.remove();
  }
}

window.sanitizers = {
  dompurify: async (html) => window.DOMPurify.sanitize(html),
  'ckeditor-restricted': (html) => throughCkeditor('ckeditor-restricted', html),
  'ckeditor-full': (html) => throughCkeditor('ckeditor-full', html),
};
window.sanitizersReady = true;
