// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Job.h"

#include <QMap>
#include <QWidget>

class QToolButton;

namespace Gui {

/**
 * A row of toggle buttons, one per job state, each with its count ("Failed · 37"). None checked means
 * every state. GUI thread; owned by the Queue page.
 */
class StateChips : public QWidget
{
    Q_OBJECT
public:
    explicit StateChips(QWidget *parent = nullptr);

    QList<Store::JobState> checkedStates() const;
    void setCounts(const QMap<Store::JobState, int> &counts);
    /** Checks exactly these states (empty: none) and tells. */
    void setCheckedStates(const QList<Store::JobState> &states);

Q_SIGNALS:
    void statesChanged(const QList<Store::JobState> &states);

private:
    QMap<Store::JobState, QToolButton *> m_buttons;
};

} // namespace Gui
