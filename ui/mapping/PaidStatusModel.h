// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "source/ShopSource.h"

#include <QAbstractListModel>
#include <QStringList>

class QUndoStack;

namespace Gui {

/**
 * The shop's statuses with a check box each: which of them mean "the order is paid" (its payment is
 * then sent to the CRM as paid). Checking is undoable. Statuses marked paid that the shop no longer
 * lists stay in the list until unchecked. GUI thread; owned by the code map editor.
 */
class PaidStatusModel : public QAbstractListModel
{
    Q_OBJECT
public:
    PaidStatusModel(QUndoStack *undo, QObject *parent = nullptr);

    void setStatuses(const QStringList &paid, const QList<Source::ShopStatus> &shopStatuses);
    QStringList paidStatuses() const { return m_paid; }
    /** Replaces the paid statuses without touching the undo stack (the undo commands call it). */
    void applyPaidStatuses(const QStringList &paid);
    /** The line of a shop status, -1 when there is none. */
    int lineOf(const QString &shopStatusId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void edited();

private:
    QList<Source::ShopStatus> linesFor(const QStringList &paid) const;

    QUndoStack *m_undo;
    QStringList m_paid;
    QList<Source::ShopStatus> m_shop;
    QList<Source::ShopStatus> m_lines;
};

} // namespace Gui
