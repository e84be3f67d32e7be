// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QStyledItemDelegate>
#include <functional>

namespace Gui {

/** One entry of a choice combo: what it says and the value the model stores. */
struct Choice
{
    QString text;
    QVariant value;
    QIcon icon = {}; ///< a colour chip (a stage's colour …), or none
};

/**
 * A combo box editor for the cells a model offers a fixed set of values in (a status row's
 * direction, a delivery's CRM code …): the choices come from a function of the cell, the current one
 * is the cell's EditRole, and picking one stores its value at once (so it works as a persistent
 * editor too). Cells without choices get the default editor. GUI thread.
 */
class ChoiceDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using Choices = std::function<QList<Choice>(const QModelIndex &)>;

    explicit ChoiceDelegate(Choices choices, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    Choices m_choices;
};

} // namespace Gui
