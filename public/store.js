// "Remember my files" (off by default): the loaded report files and the last view, kept in this
// browser's IndexedDB so the next visit opens where the last one ended. Nothing here is sent
// anywhere; "Forget everything" deletes the database.
(() => {
  const DB = 'partnerlens';
  const open = () => new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('session');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const run = async (mode, work) => {
    const db = await open();
    try {
      return await new Promise((resolve, reject) => {
        const tx = db.transaction('session', mode);
        const result = work(tx.objectStore('session'));
        tx.oncomplete = () => resolve(result.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  };
  window.partnerlensStore = {
    /** Keeps `names[i]` with `blobs[i]` and the view (URL fragment), replacing what was kept. */
    save: (names, blobs, view) => run('readwrite', (s) => s.put({ names, blobs, view, saved: Date.now() }, 'files')),
    /** Keeps only the view. */
    saveView: async (view) => {
      const kept = await run('readonly', (s) => s.get('files'));
      if (kept) await run('readwrite', (s) => s.put({ ...kept, view }, 'files'));
    },
    /** `{ names, blobs, view }` or undefined. The blobs are read into memory here, so the
     *  engine's worker gets plain in-memory blobs rather than ones backed by the database. */
    load: async () => {
      const kept = await run('readonly', (s) => s.get('files'));
      if (!kept) return kept;
      const blobs = await Promise.all(kept.blobs.map(async (b) => new Blob([await b.arrayBuffer()], { type: b.type })));
      return { ...kept, blobs };
    },
    /** Deletes the whole database. */
    forget: () => new Promise((resolve, reject) => {
      const req = indexedDB.deleteDatabase(DB);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
      req.onblocked = () => resolve();
    }),
  };
})();
