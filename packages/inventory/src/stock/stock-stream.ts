/** The stream of one SKU's stock events at one location. */
export function stockStream(locationId: string, sku: string): string {
  return `stock:${locationId}:${sku}`;
}
