// SPDX-License-Identifier: GPL-3.0-or-later
#include "MappingPage.h"

#include "CodeMapEditor.h"
#include "FieldMapEditor.h"
#include "FieldMapModel.h"
#include "MappingPreview.h"
#include "RoutingView.h"
#include "StatusMapEditor.h"
#include "StatusMapModel.h"
#include "engine/MissingFieldCreator.h"
#include "mapping/MappingRepo.h"
#include "mapping/MappingValidator.h"
#include "source/SourceRepo.h"
#include "store/ConnectionRepo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Gui {

namespace {

QList<Mapping::Problem> inArea(const QList<Mapping::Problem> &problems, const QString &area)
{
    QList<Mapping::Problem> found;
    for (const Mapping::Problem &problem : problems) {
        if (problem.area == area)
            found << problem;
    }
    return found;
}

} // namespace

MappingPage::MappingPage(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_undo(new QUndoStack(this))
    , m_connection(new QComboBox(this))
    , m_tabs(new QTabWidget(this))
    , m_orders(new FieldMapEditor(Mapping::SourceKind::Order, m_undo, this))
    , m_forms(new FieldMapEditor(Mapping::SourceKind::Form, m_undo, this))
    , m_statuses(new StatusMapEditor(m_undo, this))
    , m_codes(new CodeMapEditor(m_undo, this))
    , m_preview(new MappingPreview(m_db, this))
    , m_routing(new RoutingView(m_db, m_undo, this))
    , m_result(new QLabel(this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
{
    setObjectName(QStringLiteral("mappingPage"));
    auto *title = new QLabel(tr("Mapping"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_connection->setObjectName(QStringLiteral("mappingConnection"));
    m_connection->setSizeAdjustPolicy(QComboBox::AdjustToContents); // the whole connection name
    m_preview->setMinimumWidth(240);
    m_tabs->setObjectName(QStringLiteral("mappingTabs"));
    m_tabs->addTab(m_orders, tr("Order fields"));
    m_tabs->addTab(m_forms, tr("Form fields"));
    m_tabs->addTab(m_statuses, tr("Statuses"));
    m_tabs->addTab(m_codes, tr("Delivery && payment"));
    m_tabs->addTab(m_routing, tr("Routing"));
    m_result->setObjectName(QStringLiteral("mappingResult"));
    m_result->setWordWrap(true);
    m_save->setObjectName(QStringLiteral("mappingSaveButton"));
    m_revert->setObjectName(QStringLiteral("mappingRevertButton"));
    auto *undo = new QPushButton(tr("Undo"), this);
    undo->setObjectName(QStringLiteral("mappingUndoButton"));
    auto *redo = new QPushButton(tr("Redo"), this);
    redo->setObjectName(QStringLiteral("mappingRedoButton"));
    connect(undo, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, undo, &QPushButton::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, redo, &QPushButton::setEnabled);
    undo->setEnabled(false);
    redo->setEnabled(false);

    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    top->addWidget(new QLabel(tr("Connection:"), this));
    top->addWidget(m_connection);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 700, 400 });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_result, 1);
    buttons->addWidget(undo);
    buttons->addWidget(redo);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 18);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    connect(m_orders->model(), &FieldMapModel::edited, this, &MappingPage::revalidate);
    connect(m_forms->model(), &FieldMapModel::edited, this, &MappingPage::revalidate);
    connect(m_statuses->model(), &StatusMapModel::edited, this, &MappingPage::revalidate);
    connect(m_codes, &CodeMapEditor::edited, this, &MappingPage::revalidate);
    connect(m_routing, &RoutingView::edited, this, &MappingPage::revalidate);
    connect(m_undo, &QUndoStack::cleanChanged, this, &MappingPage::revalidate);
    for (FieldMapEditor *editor : { m_orders, m_forms })
        connect(editor->autoCreate(), &QCheckBox::clicked, this, &MappingPage::setAutoCreate);
    connect(m_save, &QPushButton::clicked, this, &MappingPage::save);
    connect(m_revert, &QPushButton::clicked, this, &MappingPage::load);
    connect(m_connection, &QComboBox::currentIndexChanged, this, &MappingPage::load);
    reloadConnections();
    // The connection and the tab the operator last looked at come back with the page.
    const QString tab = QSettings().value(QStringLiteral("mappingPage/tab")).toString();
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->objectName() == tab && m_tabs->isTabVisible(i))
            m_tabs->setCurrentIndex(i);
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        QSettings().setValue(QStringLiteral("mappingPage/tab"), m_tabs->currentWidget()->objectName());
    });
}

MappingPage::~MappingPage()
{
    // The undo stack dies with the page's children and, holding unsaved edits, says it became clean:
    // revalidating then would read editors already destroyed (seen as heap corruption in tst_RoutingEditor).
    m_undo->disconnect(this);
}

void MappingPage::reloadConnections()
{
    QSignalBlocker blocker(m_connection);
    m_connection->clear();
    if (auto connections = Store::ConnectionRepo(m_db).list()) {
        for (const Store::Connection &c : connections.value())
            m_connection->addItem(c.name, c.id);
    }
    const int last = m_connection->findData(QSettings().value(QStringLiteral("mappingPage/connection")));
    if (last >= 0)
        m_connection->setCurrentIndex(last);
    load();
}

void MappingPage::load()
{
    m_undo->clear();
    const qint64 id = m_connection->currentData().toLongLong();
    m_tabs->setEnabled(id > 0);
    if (id == 0) {
        m_result->setText(
            tr("Add a CRM connection on the Connections page first; its mapping is edited here."));
        m_save->setEnabled(false);
        m_revert->setEnabled(false);
        m_tabs->setTabVisible(m_tabs->indexOf(m_codes), false);
        m_tabs->setTabVisible(m_tabs->indexOf(m_routing), false);
        return;
    }
    QSettings().setValue(QStringLiteral("mappingPage/connection"), id);
    if (auto connection = Store::ConnectionRepo(m_db).byId(id)) {
        const Engine::FieldCreationPolicy policy = Engine::FieldCreationPolicy::of(connection.value());
        m_loadedAutoCreate = policy.dealFields && policy.contactFields;
    }
    m_autoCreate = m_loadedAutoCreate;
    for (FieldMapEditor *editor : { m_orders, m_forms })
        editor->autoCreate()->setChecked(m_autoCreate);
    Mapping::MappingRepo repo(m_db);
    auto schema = repo.loadSchema(id);
    m_hasSchema = schema && schema->has_value();
    m_schema = m_hasSchema ? schema->value() : Crm::CrmSchema();
    auto set = repo.load(id);
    if (!set) {
        m_result->setText(set.error().message);
        return;
    }
    const bool saved = set->has_value();
    m_loaded = saved ? set->value() : Mapping::MappingSet::defaults(m_schema);
    m_orders->model()->setSchema(m_schema);
    m_forms->model()->setSchema(m_schema);
    // The shops' own order fields (order properties by their names), as the store last read them.
    QList<Model::SourceField> shopFields;
    if (auto sources = Source::SourceRepo(m_db).list()) {
        for (const Source::SourceRecord &source : sources.value())
            shopFields << source.knownFields();
    }
    m_orders->model()->setShopFields(shopFields);
    m_orders->model()->setFieldMap(m_loaded.orders);
    m_forms->model()->setFieldMap(m_loaded.forms);
    m_statuses->model()->setStatusMap(m_loaded.statuses, m_schema);
    // What the store last read from the shops (the console never reads a shop itself).
    CodeMapEditor::Shop shop;
    if (auto sources = Source::SourceRepo(m_db).list()) {
        for (const Source::SourceRecord &source : sources.value()) {
            shop.statuses << source.knownStatuses();
            shop.deliveries << source.knownMethods(Source::MethodKind::Delivery);
            shop.payments << source.knownMethods(Source::MethodKind::Payment);
        }
    }
    m_statuses->model()->setShopStatuses(shop.statuses);
    // Statuses the shop was not read for yet are known from the status map.
    for (const Mapping::StatusRow &row : std::as_const(m_loaded.statuses.rows)) {
        const bool known = std::any_of(shop.statuses.cbegin(), shop.statuses.cend(),
                                       [&](const Source::ShopStatus &s) { return s.id == row.shopStatusId; });
        if (!known && !row.shopStatusId.isEmpty())
            shop.statuses.append({ row.shopStatusId, row.shopStatusName });
    }
    if (!saved) {
        // A fresh mapping: the shop's delivery and payment names are matched to select fields' values.
        QHash<QString, QStringList> choices;
        for (const Source::ShopMethod &method : std::as_const(shop.deliveries))
            choices[QStringLiteral("order.delivery.name")] << method.name;
        for (const Source::ShopMethod &method : std::as_const(shop.payments))
            choices[QStringLiteral("order.payment.name")] << method.name;
        m_loaded.orders.matchChoices(m_schema, choices);
        m_orders->model()->setFieldMap(m_loaded.orders);
    }
    m_codes->setCodeMaps(m_loaded.codes, m_schema, shop);
    m_tabs->setTabVisible(m_tabs->indexOf(m_codes), showsCodeMaps());
    m_tabs->setTabVisible(m_tabs->indexOf(m_routing), RoutingView::appliesTo(m_schema, m_loaded));
    m_routing->load(m_loaded, m_schema);
    m_undo->setClean();
    m_result->clear();
    revalidate();
    // A new connection's status map starts from the rows whose names match, for the operator to
    // review: proposed, not saved.
    if (!saved && m_loaded.statuses.rows.isEmpty() && m_hasSchema && m_statuses->model()->proposeRows() > 0)
        m_result->setText(tr("Status rows were proposed by matching names: review them on the Statuses tab, "
                             "then save."));
}

Mapping::MappingSet MappingPage::editedMapping() const
{
    Mapping::MappingSet set = m_loaded;
    set.orders = m_orders->model()->fieldMap();
    set.forms = m_forms->model()->fieldMap();
    set.statuses = m_statuses->model()->statusMap();
    set.codes = m_codes->codeMaps();
    set.routing = m_routing->routing();
    set.formRouting = m_routing->formRouting();
    return set;
}

bool MappingPage::showsCodeMaps() const
{
    return Mapping::CodeMaps::appliesTo(m_schema) || !m_loaded.codes.isEmpty();
}

void MappingPage::setAutoCreate(bool on)
{
    m_autoCreate = on;
    for (FieldMapEditor *editor : { m_orders, m_forms })
        editor->autoCreate()->setChecked(on);
    revalidate();
}

bool MappingPage::isDirty() const
{
    return !m_undo->isClean() || m_autoCreate != m_loadedAutoCreate;
}

void MappingPage::revalidate()
{
    const Mapping::MappingSet set = editedMapping();
    QList<Mapping::Problem> problems = m_hasSchema ? Mapping::MappingValidator::validate(set, m_schema)
                                                   : Mapping::MappingValidator::validateStructure(set);
    // With the connection's consent a field the account lacks is created before it is used.
    for (Mapping::Problem &problem : problems) {
        if (!m_autoCreate || problem.code != QLatin1String("field-missing"))
            continue;
        const Mapping::FieldMap &map = problem.area == QLatin1String("forms") ? set.forms : set.orders;
        if (const Mapping::FieldRow *row = map.row(problem.rowId)) {
            problem.severity = Mapping::Problem::Severity::Warning;
            problem.message = tr("Field \u201c%1\u201d will be created in the CRM before it is first used")
                                  .arg(row->target.fieldName);
        }
    }
    m_orders->setProblems(inArea(problems, QStringLiteral("orders")));
    m_forms->setProblems(inArea(problems, QStringLiteral("forms")));
    m_statuses->setProblems(inArea(problems, QStringLiteral("statuses")));
    m_codes->setProblems(inArea(problems, QStringLiteral("codes")));
    m_hasErrors = Mapping::hasErrors(problems);
    m_save->setEnabled(isDirty() && !m_hasErrors);
    m_revert->setEnabled(isDirty());
    if (m_hasErrors)
        m_result->setText(tr("Fix the rows marked red to save."));
    else if (isDirty())
        m_result->setText(tr("Unsaved changes."));
    else if (!m_hasSchema)
        m_result->setText(
            tr("The CRM's fields are not loaded yet: sign in on the Connections page to pick them."));
    m_result->setStyleSheet(m_hasErrors ? QStringLiteral("color: #c0392b;") : QString());
    m_preview->setMapping(set, m_schema);
    m_routing->setProblems(problems);
}

bool MappingPage::save()
{
    const qint64 id = m_connection->currentData().toLongLong();
    if (id == 0 || m_hasErrors)
        return false;
    const Mapping::MappingSet set = editedMapping();
    if (m_autoCreate != m_loadedAutoCreate) {
        Store::ConnectionRepo connections(m_db);
        auto connection = connections.byId(id);
        if (connection) {
            connection->config.insert(Engine::FieldCreationPolicy::dealKey(), m_autoCreate);
            connection->config.insert(Engine::FieldCreationPolicy::contactKey(), m_autoCreate);
        }
        if (auto updated
            = connection ? connections.update(connection.value()) : Common::Status(connection.error());
            !updated) {
            m_result->setText(tr("Not saved: %1").arg(updated.error().message));
            m_result->setStyleSheet(QStringLiteral("color: #c0392b;"));
            return false;
        }
        m_loadedAutoCreate = m_autoCreate;
    }
    if (auto saved = Mapping::MappingRepo(m_db).save(id, set); !saved) {
        m_result->setText(tr("Not saved: %1").arg(saved.error().message));
        m_result->setStyleSheet(QStringLiteral("color: #c0392b;"));
        return false;
    }
    m_loaded = set;
    m_undo->setClean();
    m_result->setText(tr("Saved."));
    m_result->setStyleSheet(QString());
    m_save->setEnabled(false);
    m_revert->setEnabled(false);
    return true;
}

} // namespace Gui
