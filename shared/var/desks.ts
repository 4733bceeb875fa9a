export interface DeskRisk {
  desk: string;
  grossExposure: number;
  /** Σ marginalᵢ·wᵢ over the desk's positions (Euler): the desk's share of the parametric VaR. */
  componentVar: number;
  /** ∂VaR/∂λ for w + λ·w_desk/Σ|w_desk|: the VaR added per unit of gross exposure grown pro rata. */
  marginalVar: number;
}

/** Parametric component and marginal VaR per desk, from the per-position marginals. */
export function deskRisk(desks: string[], exposures: ArrayLike<number>, marginal: ArrayLike<number>): DeskRisk[] {
  return [...new Set(desks)].sort().map((desk) => {
    let gross = 0;
    let component = 0;
    desks.forEach((d, i) => {
      if (d !== desk) return;
      gross += Math.abs(exposures[i]!);
      component += marginal[i]! * exposures[i]!;
    });
    return { desk, grossExposure: gross, componentVar: component, marginalVar: gross > 0 ? component / gross : 0 };
  });
}
