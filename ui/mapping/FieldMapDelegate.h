// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mapping/Problem.h"

#include <QStyledItemDelegate>

namespace Gui {

/**
 * Combo boxes for the field grid: shop fields from the source's catalogue, CRM fields from the live
 * schema (standard fields first, then the account's custom fields), transforms and policies.
 * GUI thread; owned by the field map editor.
 */
class FieldMapDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit FieldMapDelegate(Mapping::SourceKind kind, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    Mapping::SourceKind m_kind;
};

} // namespace Gui
