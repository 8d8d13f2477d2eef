export function markDraining(): void;
export function isDraining(): boolean;
