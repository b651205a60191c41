using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Plans;

/// <summary>
/// The order in which delegates are seated and introduced: protocol tier (<see cref="ProtocolTitles.TierOrder"/>), the
/// rank of the titles held, the clerk's "Thứ bậc" among equals, the body (offices, ban Đảng, sở in their official order),
/// persons before bodies, then names. The list's own row order is never used, so a shuffled list gives the same order.
/// </summary>
internal static class ProtocolOrder
{
    public static IEnumerable<ConferenceDelegate> Sort(IEnumerable<ConferenceDelegate> delegates) =>
        delegates.OrderBy(d => ProtocolTitles.TierOrder(d.Group))
            .ThenBy(d => d.Rank)
            .ThenBy(d => d.ClerkRank ?? int.MaxValue)
            .ThenBy(d => d.BodyOrder)
            .ThenBy(d => d.Kind)
            .ThenBy(d => VietnameseText.Fold(d.Organization), StringComparer.Ordinal)
            .ThenBy(d => VietnameseText.Fold(d.FullName), StringComparer.Ordinal)
            .ThenBy(d => VietnameseText.Fold(d.Position), StringComparer.Ordinal)
            .ThenBy(d => d.Code, StringComparer.Ordinal);
}
