// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateChips.h"

#include "JobTableModel.h"

#include <QHBoxLayout>
#include <QLocale>
#include <QToolButton>

namespace Gui {

using Store::JobState;

StateChips::StateChips(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("stateChips"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (JobState state : Store::allJobStates()) {
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("chip_") + Store::jobStateName(state));
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setIcon(JobTableModel::stateIcon(state));
        button->setText(JobTableModel::stateText(state));
        connect(button, &QToolButton::toggled, this, [this] { Q_EMIT statesChanged(checkedStates()); });
        m_buttons.insert(state, button);
        layout->addWidget(button);
    }
    layout->addStretch();
}

QList<JobState> StateChips::checkedStates() const
{
    QList<JobState> states;
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
        if (it.value()->isChecked())
            states << it.key();
    }
    return states;
}

void StateChips::setCounts(const QMap<JobState, int> &counts)
{
    const QLocale locale;
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
        it.value()->setText(QStringLiteral("%1 · %2").arg(JobTableModel::stateText(it.key()),
                                                          locale.toString(counts.value(it.key()))));
    }
}

void StateChips::setCheckedStates(const QList<JobState> &states)
{
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
        QSignalBlocker blocker(it.value());
        it.value()->setChecked(states.contains(it.key()));
    }
    Q_EMIT statesChanged(checkedStates());
}

} // namespace Gui
