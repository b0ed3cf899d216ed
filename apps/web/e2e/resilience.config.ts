/** The resilience suite (resilience.spec.ts): the app never shows a blank page. See playwright.config.ts. */
import { suiteConfig } from './playwright.config.ts';

export default suiteConfig('resilience', 'resilience.spec.ts');
