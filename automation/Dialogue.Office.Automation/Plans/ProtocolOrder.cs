namespace Dialogue.Office.Automation.Plans;

/// <summary>
/// The order in which delegates are seated and introduced: protocol group (Trung ương → … → báo chí, the order of
/// <see cref="ProtocolGroup"/>), then rank within the group (1 = highest), then the delegate list's own order.
/// </summary>
public static class ProtocolOrder
{
    public static IEnumerable<ConferenceDelegate> Sort(IEnumerable<ConferenceDelegate> delegates) =>
        delegates.OrderBy(d => (int)d.Group).ThenBy(d => d.Rank).ThenBy(d => d.Row);
}
