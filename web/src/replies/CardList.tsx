import type { CardView } from "../../../packages/dialogue/types.js";
import { expiryText, maskedNumber, spokenMask, titleCase } from "./format.js";

/** Payment cards: masked number (last four only), expiry when known, and whether the card is frozen. */
export function CardList({ cards }: { cards: CardView[] }) {
  if (cards.length === 0) return <p className="rich-empty">No cards to show.</p>;
  return (
    <ul className="card-list" aria-label="Cards">
      {cards.map((card) => (
        <li key={card.id} className={`payment-card ${card.status}`}>
          <span className="card-brand">{card.brand ? titleCase(card.brand) : "Card"}</span>
          <span className="card-number" aria-label={`Card ${spokenMask(card.last4)}`}>
            {maskedNumber(card.last4)}
          </span>
          {card.expiry ? <span className="card-expiry">Exp {expiryText(card.expiry)}</span> : null}
          <span className={`badge status-${card.status}`}>{card.status === "frozen" ? "Frozen" : "Active"}</span>
        </li>
      ))}
    </ul>
  );
}
