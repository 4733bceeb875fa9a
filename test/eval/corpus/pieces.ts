import { DocBuilder } from './builder';
import { AGENCIES, AGENCY_ADDRESSES, CITATIONS, OFFICIALS, type Part, PUBLIC_EVENTS, TITLES } from './people';
import type { Rng } from './rng';
import { date, idNumber, ocr } from './values';

/** A document builder with the FOIA pieces every template draws on; `noise` damages identifiers as a scanner would. */
export class FoiaBuilder extends DocBuilder {
  constructor(
    private readonly r: Rng,
    private readonly part: Part,
    private noise = false,
  ) {
    super();
  }

  scanned(): this {
    this.noise = true;
    return this;
  }

  damaged(v: string): string {
    return this.noise ? ocr(this.r, v) : v;
  }

  official(): this {
    return this.pub('official', `${this.r.pick(TITLES[this.part])} ${this.r.pick(OFFICIALS[this.part])}`);
  }

  agency(): this {
    return this.pub('agency', this.r.pick(AGENCIES[this.part]));
  }

  citation(): this {
    return this.pub('citation', this.r.pick(CITATIONS[this.part]));
  }

  agencyAddress(): this {
    return this.pub('public-address', this.r.pick(AGENCY_ADDRESSES[this.part]));
  }

  event(): this {
    return this.pub('public-event', this.r.pick(PUBLIC_EVENTS[this.part]));
  }

  publicDate(): this {
    return this.pub('public-date', date(this.r, 2019, 2024));
  }

  ssnLabel(): string {
    return this.noise && this.r.chance(0.5)
      ? this.r.pick(['S5N', 'SSN', '55N', 'Soc. Sec. No.'])
      : this.r.pick(['SSN', 'Social Security No.', 'social security number', 'SSN#', 'Soc. Sec. #']);
  }

  id(): this {
    const [label, value, category] = idNumber(this.r);
    return this.t(label).pii(category, this.damaged(value));
  }

  tracking(): this {
    const r = this.r;
    return this.pub(
      'tracking-number',
      `${r.pick(['FOIA', 'DHS-FOIA', 'EPA-HQ', 'VA'])}-${r.int(2019, 2024)}-${r.digits(6)}`,
    );
  }
}
