/** The exemptions of 5 U.S.C. § 552(b) a reviewer may cite, with the short description shown next to each code. */
export const EXEMPTIONS: Record<string, string> = {
  '(b)(1)': 'classified national security information',
  '(b)(2)': 'internal personnel rules and practices',
  '(b)(3)': 'exempted by another statute',
  '(b)(4)': 'trade secrets, confidential commercial information',
  '(b)(5)': 'privileged or deliberative agency communications',
  '(b)(6)': 'personal privacy',
  '(b)(7)(A)': 'interference with enforcement proceedings',
  '(b)(7)(B)': 'deprivation of a fair trial',
  '(b)(7)(C)': 'personal privacy in law-enforcement records',
  '(b)(7)(D)': 'confidential source',
  '(b)(7)(E)': 'law-enforcement techniques and procedures',
  '(b)(7)(F)': 'endangers life or physical safety',
  '(b)(8)': 'financial institution examination reports',
  '(b)(9)': 'geological information about wells',
};

export const isExemption = (code: string): boolean => Object.hasOwn(EXEMPTIONS, code);
