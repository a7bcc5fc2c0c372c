import { describe, expect, it } from '@jest/globals';
import { attachmentDisposition, checkFileName, typesClaimedByName } from './file-name.js';

describe(checkFileName.name, () => {
  it('keeps an ordinary name with accents, in composed form', () => {
    expect(checkFileName(' Carte d’identité Hélène.pdf ')).toEqual({
      name: 'Carte d’identité Hélène.pdf',
    });
    expect(checkFileName('He\u0301le\u0300ne.png')).toEqual({ name: 'Hélène.png' });
  });

  it('refuses a path, whatever its separators', () => {
    for (const name of ['../../etc/passwd', 'C:\\Users\\x\\scan.pdf', 'a/b.pdf', '..']) {
      expect(checkFileName(name)).toEqual({ problem: 'The file name must be a name, not a path.' });
    }
  });

  it('refuses control characters and invisible direction overrides', () => {
    for (const name of ['scan\u0000.pdf', 'line\nbreak.pdf', 'photo\u202egpj.exe']) {
      expect(checkFileName(name)).toHaveProperty('problem');
    }
  });

  it('refuses an empty or overlong name', () => {
    expect(checkFileName('   ')).toEqual({ problem: 'The file has no name.' });
    expect(checkFileName(`${'a'.repeat(252)}.pdf`)).toHaveProperty('problem');
  });
});

describe(typesClaimedByName.name, () => {
  it('reads the claim of a known extension, in any case', () => {
    expect(typesClaimedByName('SCAN.JPEG')).toEqual(['image/jpeg']);
    expect(typesClaimedByName('photo.heic')).toEqual(['image/heic', 'image/heif']);
  });

  it('sees no claim without an extension and an empty one for an unknown extension', () => {
    expect(typesClaimedByName('scan')).toBeUndefined();
    expect(typesClaimedByName('page.html')).toEqual([]);
  });
});

describe(attachmentDisposition.name, () => {
  it('offers the exact UTF-8 name and an ASCII fallback', () => {
    expect(attachmentDisposition('Hélène "reçu" 100%.pdf')).toBe(
      `attachment; filename="Helene _recu_ 100_.pdf"; filename*=UTF-8''H%C3%A9l%C3%A8ne%20%22re%C3%A7u%22%20100%25.pdf`,
    );
  });

  it('encodes the characters RFC 5987 reserves', () => {
    expect(attachmentDisposition("l'acte (1).pdf")).toContain(
      "filename*=UTF-8''l%27acte%20%281%29.pdf",
    );
  });
});
