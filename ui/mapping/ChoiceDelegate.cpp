// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChoiceDelegate.h"

#include <QComboBox>

namespace Gui {

ChoiceDelegate::ChoiceDelegate(Choices choices, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_choices(std::move(choices))
{ }

QWidget *ChoiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    const QList<Choice> choices = m_choices(index);
    if (choices.isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("choiceEditor"));
    for (const Choice &choice : choices)
        combo->addItem(choice.icon, choice.text, choice.value);
    combo->setMaxVisibleItems(20);
    // A pick by the user (never setEditorData's own) goes to the model straight away.
    auto *self = const_cast<ChoiceDelegate *>(this);
    connect(combo, &QComboBox::activated, self, [self, combo] { Q_EMIT self->commitData(combo); });
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo) {
        QStyledItemDelegate::setEditorData(editor, index);
        return;
    }
    // The choices may depend on the value (an unknown code is offered as itself): refill them.
    const QList<Choice> choices = m_choices(index);
    bool same = combo->count() == choices.size();
    for (int i = 0; same && i < choices.size(); ++i)
        same = combo->itemText(i) == choices.at(i).text && combo->itemData(i) == choices.at(i).value;
    if (!same) {
        combo->clear();
        for (const Choice &choice : choices)
            combo->addItem(choice.icon, choice.text, choice.value);
    }
    combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
}

void ChoiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    if (combo->currentIndex() >= 0)
        model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace Gui
