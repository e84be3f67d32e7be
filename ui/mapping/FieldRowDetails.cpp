// SPDX-License-Identifier: GPL-3.0-or-later
#include "FieldRowDetails.h"

#include "FieldMapModel.h"
#include "model/SourceFieldCatalogue.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Gui {

using Mapping::FieldRow;
using Mapping::FieldTarget;
using Mapping::Transform;

FieldRowDetails::FieldRowDetails(FieldMapModel *model, Mapping::SourceKind kind, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_kind(kind)
    , m_title(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_template(new QLineEdit(this))
    , m_insert(new QComboBox(this))
    , m_textLabel(new QLabel(this))
    , m_text(new QLineEdit(this))
    , m_dateFormat(new QLineEdit(this))
    , m_timeZone(new QLineEdit(this))
    , m_lookup(new QTableWidget(0, 2, this))
    , m_fallbackOn(new QCheckBox(tr("Anything else becomes:"), this))
    , m_fallback(new QLineEdit(this))
    , m_skipEmpty(new QCheckBox(tr("An empty value leaves the CRM field as it is"), this))
    , m_enumCode(new QComboBox(this))
    , m_newName(new QLineEdit(this))
    , m_newType(new QComboBox(this))
{
    const QString prefix
        = kind == Mapping::SourceKind::Order ? QStringLiteral("order") : QStringLiteral("form");
    setObjectName(prefix + QStringLiteral("FieldRowDetails"));
    m_title->setObjectName(QStringLiteral("fieldRowTitle"));
    m_title->setWordWrap(true);
    m_pages->addWidget(new QLabel(tr("This transform has no settings."), this));
    m_pages->addWidget(templatePage());
    m_pages->addWidget(textPage());
    m_pages->addWidget(datePage());
    m_pages->addWidget(lookupPage());
    m_pages->setObjectName(QStringLiteral("fieldArgumentPages"));
    m_skipEmpty->setObjectName(QStringLiteral("fieldSkipEmpty"));
    m_enumCode->setObjectName(QStringLiteral("fieldEnumCode"));
    m_newName->setObjectName(QStringLiteral("fieldNewName"));
    m_newName->setPlaceholderText(tr("Name of the new field"));
    m_newType->setObjectName(QStringLiteral("fieldNewType"));
    const std::pair<const char *, QString> types[]
        = { { "text", tr("text") }, { "textarea", tr("long text") }, { "numeric", tr("number") },
            { "date", tr("date") }, { "url", tr("link") },           { "checkbox", tr("yes/no") } };
    for (const auto &[type, name] : types)
        m_newType->addItem(name, QString::fromLatin1(type));
    auto *create = new QPushButton(tr("Send to this new field"), this);
    create->setObjectName(QStringLiteral("fieldNewButton"));
    create->setToolTip(tr("The field is created in the CRM before it is first used, when the switch "
                          "below allows it."));

    auto *newField = new QHBoxLayout;
    newField->addWidget(m_newName, 2);
    newField->addWidget(m_newType, 1);
    newField->addWidget(create);
    auto *form = new QFormLayout;
    form->addRow(tr("Transform:"), m_pages);
    form->addRow(tr("Kind of value:"), m_enumCode);
    form->addRow(QString(), m_skipEmpty);
    form->addRow(tr("New CRM field:"), newField);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(form);

    for (QLineEdit *edit : { m_template, m_text, m_dateFormat, m_timeZone, m_fallback })
        connect(edit, &QLineEdit::editingFinished, this, &FieldRowDetails::commit);
    connect(m_skipEmpty, &QCheckBox::clicked, this, &FieldRowDetails::commit);
    connect(m_fallbackOn, &QCheckBox::clicked, this, &FieldRowDetails::commit);
    connect(m_enumCode, &QComboBox::activated, this, &FieldRowDetails::commit);
    connect(m_lookup, &QTableWidget::itemChanged, this, &FieldRowDetails::commit);
    connect(create, &QPushButton::clicked, this, [this] {
        if (m_row < 0 || m_newName->text().trimmed().isEmpty())
            return;
        FieldRow row = m_model->fieldMap().rows.at(m_row);
        const Crm::Entity entity
            = row.target.kind == FieldTarget::Kind::CustomField ? row.target.entity : Crm::Entity::Deal;
        row.target
            = FieldTarget::toCreate(entity, m_newName->text().trimmed(), m_newType->currentData().toString());
        m_model->setRow(m_row, row);
    });
    connect(m_model, &FieldMapModel::edited, this, [this] { showRow(m_row); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { showRow(-1); });
    showRow(-1);
}

QWidget *FieldRowDetails::templatePage()
{
    auto *page = new QWidget(this);
    m_template->setObjectName(QStringLiteral("fieldTemplateText"));
    m_template->setPlaceholderText(tr("Order #{order.num} from {customer.name}"));
    m_insert->setObjectName(QStringLiteral("fieldTemplateInsert"));
    m_insert->addItem(tr("Insert a field…"), QString());
    for (const Model::SourceField &field : Model::SourceFieldCatalogue::forKind(m_kind))
        m_insert->addItem(QStringLiteral("%1 {%2}").arg(field.label, field.path), field.path);
    m_insert->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_insert->setMinimumContentsLength(14);
    m_insert->setToolTip(
        tr("The fields a template can use: picking one puts its {placeholder} in the text."));
    connect(m_insert, &QComboBox::activated, this, [this](int index) {
        if (index <= 0)
            return;
        m_template->insert(QStringLiteral("{%1}").arg(m_insert->itemData(index).toString()));
        m_insert->setCurrentIndex(0);
        commit();
    });
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_template, 2);
    layout->addWidget(m_insert, 1);
    return page;
}

QWidget *FieldRowDetails::textPage()
{
    auto *page = new QWidget(this);
    m_text->setObjectName(QStringLiteral("fieldArgument"));
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_textLabel);
    layout->addWidget(m_text, 1);
    return page;
}

QWidget *FieldRowDetails::datePage()
{
    auto *page = new QWidget(this);
    m_dateFormat->setObjectName(QStringLiteral("fieldDateFormat"));
    m_dateFormat->setPlaceholderText(QStringLiteral("dd.MM.yyyy"));
    m_dateFormat->setToolTip(tr("dd.MM.yyyy, yyyy-MM-dd HH:mm …, or \"unix\" for Unix seconds"));
    m_timeZone->setObjectName(QStringLiteral("fieldTimeZone"));
    m_timeZone->setPlaceholderText(QStringLiteral("Europe/Moscow"));
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Format:"), page));
    layout->addWidget(m_dateFormat, 1);
    layout->addWidget(new QLabel(tr("Time zone:"), page));
    layout->addWidget(m_timeZone, 1);
    return page;
}

QWidget *FieldRowDetails::lookupPage()
{
    auto *page = new QWidget(this);
    m_lookup->setObjectName(QStringLiteral("fieldLookupTable"));
    m_lookup->setHorizontalHeaderLabels({ tr("Shop value"), tr("CRM value") });
    m_lookup->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_lookup->verticalHeader()->hide();
    m_lookup->setMinimumHeight(90);
    m_fallbackOn->setObjectName(QStringLiteral("fieldLookupFallbackOn"));
    m_fallback->setObjectName(QStringLiteral("fieldLookupFallback"));
    auto *add = new QPushButton(tr("Add a value"), page);
    add->setObjectName(QStringLiteral("fieldLookupAddButton"));
    auto *remove = new QPushButton(tr("Remove the value"), page);
    remove->setObjectName(QStringLiteral("fieldLookupRemoveButton"));
    connect(add, &QPushButton::clicked, this, [this] {
        const QSignalBlocker blocker(m_lookup);
        m_lookup->insertRow(m_lookup->rowCount());
        m_lookup->setItem(m_lookup->rowCount() - 1, 0, new QTableWidgetItem);
        m_lookup->setItem(m_lookup->rowCount() - 1, 1, new QTableWidgetItem);
        m_lookup->editItem(m_lookup->item(m_lookup->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_lookup->currentRow() >= 0) {
            m_lookup->removeRow(m_lookup->currentRow());
            commit();
        }
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_fallbackOn);
    buttons->addWidget(m_fallback, 1);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_lookup, 1);
    layout->addLayout(buttons);
    return page;
}

void FieldRowDetails::showRow(int row)
{
    m_row = row >= 0 && row < m_model->rowCount() ? row : -1;
    setEnabled(m_row >= 0);
    if (m_row < 0) {
        m_title->setText(tr("Pick a row to edit its transform and its other settings."));
        m_pages->setCurrentIndex(NoArgumentPage);
        return;
    }
    m_showing = true;
    const FieldRow r = m_model->fieldMap().rows.at(m_row);
    const auto source = Model::SourceFieldCatalogue::describe(m_kind, r.source);
    m_title->setText(
        tr("<b>%1</b> → <b>%2</b>")
            .arg((source ? source->label : r.source).toHtmlEscaped(),
                 (r.target.isSet() ? r.target.describe() : tr("(no CRM field)")).toHtmlEscaped()));
    const Transform &t = r.transform;
    switch (t.kind) {
    case Transform::Kind::Template:
        m_pages->setCurrentIndex(TemplatePage);
        if (m_template->text() != t.argument)
            m_template->setText(t.argument);
        break;
    case Transform::Kind::Constant:
    case Transform::Kind::Join:
    case Transform::Kind::Phone:
        m_pages->setCurrentIndex(TextPage);
        m_textLabel->setText(t.kind == Transform::Kind::Constant ? tr("Value:")
                                 : t.kind == Transform::Kind::Join
                                 ? tr("Separator:")
                                 : tr("Region for numbers without a code:"));
        m_text->setPlaceholderText(t.kind == Transform::Kind::Join        ? QStringLiteral(", ")
                                       : t.kind == Transform::Kind::Phone ? QStringLiteral("RU")
                                                                          : QString());
        if (m_text->text() != t.argument)
            m_text->setText(t.argument);
        break;
    case Transform::Kind::Date:
        m_pages->setCurrentIndex(DatePage);
        m_dateFormat->setText(t.argument);
        m_timeZone->setText(t.timeZone);
        break;
    case Transform::Kind::Lookup: {
        m_pages->setCurrentIndex(LookupPage);
        const QSignalBlocker blocker(m_lookup);
        m_lookup->setRowCount(0);
        for (auto it = t.table.cbegin(); it != t.table.cend(); ++it) {
            const int at = m_lookup->rowCount();
            m_lookup->insertRow(at);
            m_lookup->setItem(at, 0, new QTableWidgetItem(it.key()));
            m_lookup->setItem(at, 1, new QTableWidgetItem(it.value()));
        }
        m_fallbackOn->setChecked(t.fallback.has_value());
        m_fallback->setText(t.fallback.value_or(QString()));
        m_fallback->setEnabled(t.fallback.has_value());
        break;
    }
    default:
        m_pages->setCurrentIndex(NoArgumentPage);
        break;
    }
    m_skipEmpty->setChecked(r.skipEmpty);
    fillEnumCodes(r);
    if (r.target.kind == FieldTarget::Kind::CustomField && r.target.fieldId.isEmpty()) {
        m_newName->setText(r.target.fieldName);
        m_newType->setCurrentIndex(std::max(0, m_newType->findData(r.target.fieldType)));
    }
    m_showing = false;
}

void FieldRowDetails::fillEnumCodes(const FieldRow &row)
{
    const QSignalBlocker blocker(m_enumCode);
    m_enumCode->clear();
    const Crm::CrmSchema &schema = m_model->schema();
    const Crm::CustomField *field = nullptr;
    if (row.target.kind == FieldTarget::Kind::ContactPhone)
        field = schema.fieldByCode(Crm::Entity::Contact, QStringLiteral("PHONE"));
    else if (row.target.kind == FieldTarget::Kind::ContactEmail)
        field = schema.fieldByCode(Crm::Entity::Contact, QStringLiteral("EMAIL"));
    else if (row.target.kind == FieldTarget::Kind::CustomField)
        field = schema.field(row.target.fieldId);
    const bool kinds = field && field->type == QLatin1String("multitext") && !field->enums.isEmpty();
    m_enumCode->setEnabled(kinds);
    if (!kinds) {
        m_enumCode->addItem(tr("(this field has no kinds)"), QString());
        return;
    }
    for (const Crm::FieldEnum &option : field->enums) {
        const QString code = option.code.isEmpty() ? option.value : option.code;
        m_enumCode->addItem(option.value == code ? code : QStringLiteral("%1 (%2)").arg(option.value, code),
                            code);
    }
    const QString current = row.target.enumCode.isEmpty() ? QStringLiteral("WORK") : row.target.enumCode;
    m_enumCode->setCurrentIndex(std::max(0, m_enumCode->findData(current)));
}

void FieldRowDetails::commit()
{
    if (m_showing || m_row < 0)
        return;
    FieldRow row = m_model->fieldMap().rows.at(m_row);
    Transform &t = row.transform;
    switch (m_pages->currentIndex()) {
    case TemplatePage:
        t.argument = m_template->text();
        break;
    case TextPage:
        t.argument = m_text->text();
        break;
    case DatePage:
        t.argument = m_dateFormat->text().trimmed();
        t.timeZone = m_timeZone->text().trimmed();
        break;
    case LookupPage:
        t.table.clear();
        for (int i = 0; i < m_lookup->rowCount(); ++i) {
            const QTableWidgetItem *key = m_lookup->item(i, 0);
            const QTableWidgetItem *value = m_lookup->item(i, 1);
            if (key && !key->text().trimmed().isEmpty())
                t.table.insert(key->text().trimmed(), value ? value->text().trimmed() : QString());
        }
        m_fallback->setEnabled(m_fallbackOn->isChecked());
        t.fallback
            = m_fallbackOn->isChecked() ? std::optional<QString>(m_fallback->text().trimmed()) : std::nullopt;
        break;
    default:
        break;
    }
    row.skipEmpty = m_skipEmpty->isChecked();
    if (m_enumCode->isEnabled() && m_enumCode->currentIndex() >= 0)
        row.target.enumCode = m_enumCode->currentData().toString();
    m_model->setRow(m_row, row);
}

} // namespace Gui
