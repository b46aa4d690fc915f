// The page's last resort: when its own wasm panics, the Rust panic hook calls
// `partnerlensCrash(report)`. This is plain JS because the wasm that panicked cannot be trusted to
// run again: it shows what failed with a copyable report and a button that starts the page again
// (the files can then be loaded again; nothing was sent anywhere).
window.partnerlensCrash = (report, texts) => {
  // The words in the page's language, from the page's catalogue (English if none came).
  const [tTitle, tText, tCopy, tCopied, tSelected, tAgain] = texts && texts.length === 6 ? texts : [
    'Partnerlens stopped on an internal error',
    'Nothing was sent anywhere. Copy the report below to tell us what failed, then start again and load your files again.',
    'Copy report', 'Copied', 'Selected: press Ctrl+C', 'Start again'];
  if (document.getElementById('crash')) return;
  const panel = document.createElement('div');
  panel.id = 'crash';
  panel.setAttribute('role', 'alertdialog');
  panel.setAttribute('aria-labelledby', 'crash-title');
  const title = document.createElement('h2');
  title.id = 'crash-title';
  title.textContent = tTitle;
  const text = document.createElement('p');
  text.textContent = tText;
  const area = document.createElement('textarea');
  area.id = 'crash-report';
  area.readOnly = true;
  area.rows = 8;
  area.value = report;
  const copy = document.createElement('button');
  copy.className = 'button';
  copy.id = 'crash-copy';
  copy.textContent = tCopy;
  copy.addEventListener('click', async () => {
    area.select();
    try { await navigator.clipboard.writeText(report); copy.textContent = tCopied; } catch { copy.textContent = tSelected; }
  });
  const again = document.createElement('button');
  again.className = 'button primary';
  again.id = 'crash-restart';
  again.textContent = tAgain;
  again.addEventListener('click', () => location.reload());
  const buttons = document.createElement('div');
  buttons.className = 'crash-buttons';
  buttons.append(copy, again);
  panel.append(title, text, area, buttons);
  document.body.append(panel);
  again.focus();
};
