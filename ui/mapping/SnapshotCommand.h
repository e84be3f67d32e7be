// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUndoCommand>
#include <functional>

namespace Gui {

/**
 * An undoable edit of one of the mapping editors' values (a field grid, the status map, a code map …)
 * kept as the value before and after: small enough to snapshot, and simple to get right. @p apply
 * puts a value back into its editor without touching the undo stack. GUI thread.
 */
template<typename Value> class SnapshotCommand : public QUndoCommand
{
public:
    using Apply = std::function<void(const Value &)>;

    SnapshotCommand(Apply apply, Value before, Value after, const QString &text)
        : QUndoCommand(text)
        , m_apply(std::move(apply))
        , m_before(std::move(before))
        , m_after(std::move(after))
    { }
    void undo() override { m_apply(m_before); }
    void redo() override { m_apply(m_after); }

private:
    Apply m_apply;
    Value m_before;
    Value m_after;
};

} // namespace Gui
