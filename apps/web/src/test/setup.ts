// Unit tests render in English unless a test switches: the catalogs are the real ones.
import { i18n } from '../app/i18n.ts';

await i18n.changeLanguage('en');
