/**
 * sweep19: categories a customer names that the bank core files under several of its own ("how
 * much did I spend on food" found nothing: no booking is filed under "Food"). A name not listed
 * here is one category, as written.
 */
const GROUPS: Record<string, readonly string[]> = {
  food: ["Groceries", "Dining", "Coffee", "Food"],
  // Session 27: a household's bills are its rent and utilities, phone and internet.
  bills: ["Bills", "Rent", "Utilities", "Phone", "Internet"],
  utilities: ["Utilities", "Electricity", "Water"],
};

/** The bank core's categories a named one covers (compared without case by the query). */
export function categoriesCovered(category: string): readonly string[] {
  return GROUPS[category.trim().toLowerCase()] ?? [category];
}
