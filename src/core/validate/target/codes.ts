/**
 * The codes of the target checks (issue 14 scope 3), each documented in README.md "Target cluster":
 * what the target cluster's Gateway API release and channel (its CRDs) lack, and what its
 * implementation's conformance report says it does not support or does not cover.
 */
export const TARGET_CODES = ['TargetKindNotServed', 'TargetFieldNotInRelease', 'TargetFeatureUnsupported', 'TargetFeatureNotReported'] as const;
export type TargetCode = (typeof TARGET_CODES)[number];
