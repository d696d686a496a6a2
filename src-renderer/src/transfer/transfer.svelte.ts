// The Import… and Export… dialogs, opened from the File menu, the welcome screen and the command palette.
class TransferDialogs {
  importing = $state(false);
  exporting = $state(false);

  openImport(): void {
    this.importing = true;
  }

  openExport(): void {
    this.exporting = true;
  }
}

export const transfer = new TransferDialogs();

/**
 * A chosen file's bytes as text. Contacts files are UTF-8 (with or without a BOM), or UTF-16 when Outlook
 * or Excel's "Unicode text" wrote them; anything else is refused with a sentence rather than imported as
 * mojibake.
 */
export function decodeFile(name: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`“${name}” is not in UTF-8, so names with accents would come in wrong. Save it again as UTF-8 (in Excel: “CSV UTF-8”) and choose it again. Nothing was imported.`);
  }
}
