// SPDX-License-Identifier: GPL-3.0-or-later
#include "FieldMapDelegate.h"

#include "FieldMapModel.h"
#include "model/SourceFieldCatalogue.h"

#include <QComboBox>
#include <QJsonObject>

namespace Gui {

using Mapping::FieldTarget;
using Mapping::Transform;

FieldMapDelegate::FieldMapDelegate(Mapping::SourceKind kind, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_kind(kind)
{ }

QWidget *FieldMapDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    auto *model = qobject_cast<const FieldMapModel *>(index.model());
    if (!model)
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("fieldMapEditor"));
    switch (index.column()) {
    case FieldMapModel::SourceColumn:
        combo->addItem(tr("(none)"), QString());
        for (const Model::SourceField &field : model->sourceFields())
            combo->addItem(QStringLiteral("%1 — %2").arg(field.label, field.path), field.path);
        break;
    case FieldMapModel::TransformColumn:
        for (auto kind :
             { Transform::Kind::None, Transform::Kind::Trim, Transform::Kind::Template,
               Transform::Kind::Number, Transform::Kind::Date, Transform::Kind::Phone, Transform::Kind::Email,
               Transform::Kind::Join, Transform::Kind::Constant, Transform::Kind::Lookup })
            combo->addItem(FieldMapModel::transformText(kind), Transform::kindName(kind));
        break;
    case FieldMapModel::TargetColumn: {
        using K = FieldTarget::Kind;
        for (K kind :
             { K::DealName, K::DealPrice, K::DealResponsible, K::DealTags, K::ContactName,
               K::ContactFirstName, K::ContactLastName, K::ContactPhone, K::ContactEmail, K::CompanyName }) {
            const FieldTarget target = FieldTarget::standard(kind);
            combo->addItem(target.describe(), target.toJson());
        }
        combo->insertSeparator(combo->count());
        for (const Crm::CustomField &field : model->schema().fields) {
            const FieldTarget target = FieldTarget::custom(field);
            combo->addItem(target.describe(), target.toJson());
        }
        break;
    }
    case FieldMapModel::PolicyColumn:
        for (auto policy :
             { Crm::UpdatePolicy::Always, Crm::UpdatePolicy::OnlyIfEmpty, Crm::UpdatePolicy::Never })
            combo->addItem(FieldMapModel::policyText(policy), Crm::updatePolicyName(policy));
        break;
    default:
        delete combo;
        return nullptr;
    }
    combo->setMaxVisibleItems(20);
    return combo;
}

void FieldMapDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return;
    const QVariant value = index.data(Qt::EditRole);
    int found = -1;
    if (index.column() == FieldMapModel::TargetColumn) {
        auto current = FieldTarget::fromJson(value.toJsonObject());
        for (int i = 0; current && i < combo->count() && found < 0; ++i) {
            auto candidate = FieldTarget::fromJson(combo->itemData(i).toJsonObject());
            if (candidate && candidate->key() == current->key())
                found = i;
        }
    } else {
        found = combo->findData(value);
    }
    combo->setCurrentIndex(found);
}

void FieldMapDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                    const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo || combo->currentIndex() < 0)
        return;
    if (index.column() == FieldMapModel::TargetColumn) {
        // Keep the row's enum code (WORK, MOB …) when only the field changes.
        auto target = FieldTarget::fromJson(combo->currentData().toJsonObject());
        auto current = FieldTarget::fromJson(index.data(Qt::EditRole).toJsonObject());
        if (target && current && target->enumCode.isEmpty())
            target->enumCode = current->enumCode;
        if (target)
            model->setData(index, target->toJson(), Qt::EditRole);
        return;
    }
    model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace Gui
