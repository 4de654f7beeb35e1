/** Offers bytes or text as a download: a blob URL made in this tab, never a request. */
export function saveFile(data: Uint8Array | string, name: string, type: string): void {
  const blob = new Blob([typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>)], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download by the next task; the URL can go then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
