// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoutingView.h"

#include "ChoiceDelegate.h"
#include "FormRoutingModel.h"
#include "RouteFields.h"
#include "RoutingTreeModel.h"
#include "RowProblems.h"
#include "model/ShopOrder.h"
#include "source/SourceRepo.h"
#include "source/intake/FormEndpointRepo.h"
#include "store/CategoryCacheRepo.h"
#include "store/JobRepo.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Gui {

using Mapping::CategoryRouting;

namespace {

/** The order-property paths a fresh routing reads (seed 001's "amoCRMFields"). */
const CategoryRouting kFresh;

} // namespace

RoutingView::RoutingView(std::shared_ptr<Storage::Database> db, QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_undo(undo)
    , m_model(new RoutingTreeModel(undo, this))
    , m_formModel(new FormRoutingModel(undo, this))
    , m_tree(new QTreeView(this))
    , m_formTable(new QTableView(this))
    , m_formNote(new QLabel(this))
    , m_treeNote(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_default(new RouteFields(QStringLiteral("routingDefault"), tr("(main pipeline)"),
                                tr("(from the order)"), this))
    // A request has no order to name a responsible user: unset leaves it to the CRM.
    , m_forms(
          new RouteFields(QStringLiteral("routingForms"), tr("(main pipeline)"), tr("(not chosen)"), this))
    , m_categoryWins(new QCheckBox(tr("The category beats the pipeline the order asks for"), this))
    , m_orderProperties(new QCheckBox(tr("Use the pipeline the order carries (amoCRMFields)"), this))
    , m_order(new QLineEdit(this))
    , m_answer(new QLabel(this))
{
    setObjectName(QStringLiteral("routingView"));
    m_tree->setObjectName(QStringLiteral("routingTree"));
    m_tree->setModel(m_model);
    m_tree->setItemDelegate(
        new ChoiceDelegate([this](const QModelIndex &index) { return m_model->choices(index); }, m_tree));
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                            | QAbstractItemView::EditKeyPressed);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setUniformRowHeights(true);
    m_tree->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(RoutingTreeModel::CategoryColumn, QHeaderView::ResizeToContents);
    for (int column = RoutingTreeModel::PipelineColumn; column < RoutingTreeModel::ColumnCount; ++column)
        header->setSectionResizeMode(column, QHeaderView::Stretch);
    m_formTable->setObjectName(QStringLiteral("routingFormTable"));
    m_formTable->setModel(m_formModel);
    m_formTable->setItemDelegate(new ChoiceDelegate(
        [this](const QModelIndex &index) { return m_formModel->choices(index); }, m_formTable));
    m_formTable->setEditTriggers(m_tree->editTriggers());
    m_formTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_formTable->setWordWrap(false);
    m_formTable->setTextElideMode(Qt::ElideRight);
    m_formTable->verticalHeader()->hide();
    m_formTable->horizontalHeader()->setStretchLastSection(false);
    m_formTable->horizontalHeader()->setSectionResizeMode(FormRoutingModel::FormColumn,
                                                          QHeaderView::ResizeToContents);
    for (int column = FormRoutingModel::PipelineColumn; column < FormRoutingModel::ColumnCount; ++column)
        m_formTable->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Stretch);
    m_formNote->setObjectName(QStringLiteral("routingFormNote"));
    m_formNote->setWordWrap(true);
    m_treeNote->setObjectName(QStringLiteral("routingTreeNote"));
    m_treeNote->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("routingSummary"));
    m_summary->setWordWrap(true);
    m_categoryWins->setObjectName(QStringLiteral("routingCategoryWins"));
    m_orderProperties->setObjectName(QStringLiteral("routingOrderProperties"));
    m_orderProperties->setToolTip(tr("A shop that fills amoCRMFields.pipeline_id, status_id and "
                                     "responsible_user_id in the order's properties chooses the pipeline, "
                                     "stage and responsible user itself."));
    m_order->setObjectName(QStringLiteral("routingOrder"));
    m_order->setPlaceholderText(tr("Order number"));
    m_answer->setObjectName(QStringLiteral("routingAnswer"));
    m_answer->setWordWrap(true);
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *ask = new QPushButton(tr("Which rule matches?"), this);
    ask->setObjectName(QStringLiteral("routingAskButton"));

    auto *settings = new QGroupBox(tr("Everything else"), this);
    auto *form = new QFormLayout(settings);
    form->addRow(tr("Orders no category routes:"), m_default);
    form->addRow(tr("Every other web form:"), m_forms);
    form->addRow(m_categoryWins);
    form->addRow(m_orderProperties);

    auto *question = new QHBoxLayout;
    question->addWidget(m_order, 1);
    question->addWidget(ask);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_treeNote);
    layout->addWidget(m_tree, 3);
    layout->addWidget(m_formNote);
    layout->addWidget(m_formTable, 1);
    layout->addWidget(m_summary);
    layout->addWidget(settings);
    layout->addLayout(question);
    layout->addWidget(m_answer);
    const auto answer = [this] { m_answer->setText(explain(m_order->text())); };
    connect(ask, &QPushButton::clicked, this, answer);
    connect(m_order, &QLineEdit::returnPressed, this, answer);
    connect(m_default, &RouteFields::picked, this, &RoutingView::editSettings);
    connect(m_categoryWins, &QCheckBox::clicked, this, &RoutingView::editSettings);
    connect(m_orderProperties, &QCheckBox::clicked, this, &RoutingView::editSettings);
    connect(m_forms, &RouteFields::picked, this, [this] {
        const RouteChoice picked = m_forms->choice();
        Mapping::FormRouting after = m_formModel->routing();
        after.pipelineId = picked.pipelineId;
        after.stageId = picked.stageId;
        after.responsibleUserId = picked.responsibleUserId;
        if (!(after == m_formModel->routing()))
            m_formModel->changeRouting(after, tr("Route requests from web forms"));
    });
    connect(m_formModel, &FormRoutingModel::edited, this, [this] {
        showSettings();
        Q_EMIT edited();
    });
    connect(m_model, &RoutingTreeModel::edited, this, [this] {
        showSettings();
        Q_EMIT edited();
    });
}

Model::CategoryTree RoutingView::cachedTree(const std::shared_ptr<Storage::Database> &db)
{
    Model::CategoryTree tree;
    auto sources = Source::SourceRepo(db).list();
    if (!sources)
        return tree;
    for (const Source::SourceRecord &source : sources.value()) {
        auto cached = Store::CategoryCacheRepo(db).load(source.name);
        if (cached && cached->has_value()) {
            for (const Model::Category &category : (*cached)->tree.categories())
                tree.add(category);
        }
    }
    return tree;
}

QStringList RoutingView::knownForms(const std::shared_ptr<Storage::Database> &db)
{
    QStringList names;
    if (auto endpoints = Source::Intake::FormEndpointRepo(db).list()) {
        for (const Source::Intake::FormEndpoint &endpoint : endpoints.value())
            names << endpoint.name;
    }
    // Requests that came in recently, also from forms the intake no longer lists (a file import …).
    Store::JobQuery query;
    query.limit = 500;
    if (auto jobs = Store::JobRepo(db).search(query)) {
        for (const Store::Job &job : jobs.value()) {
            if (job.kind == QLatin1String("form.submitted") && !job.reference.isEmpty())
                names << job.reference;
        }
    }
    names.removeDuplicates();
    return names;
}

void RoutingView::load(const Mapping::MappingSet &set, const Crm::CrmSchema &schema)
{
    m_schema = schema;
    m_formModel->setKnownForms(knownForms(m_db));
    m_formModel->setRouting(set.formRouting, schema);
    m_formNote->setText(m_formModel->rowCount() == 0
                            ? tr("Web forms are listed here by name once the intake accepts one or a request "
                                 "comes in; each can go to its own pipeline.")
                            : tr("Requests from each web form, by the form's name: what a form does not set "
                                 "comes from “Every other web form” below."));
    m_formTable->setVisible(m_formModel->rowCount() > 0);
    const Model::CategoryTree tree = cachedTree(m_db);
    m_model->setTree(tree);
    m_model->setRouting(set.routing, schema);
    m_model->setHighlighted({});
    m_tree->expandAll();
    m_treeNote->setText(tree.categories().isEmpty()
                            ? tr("The shop's categories are read when the engine polls the shop; until "
                                 "then only the categories the rules name are listed.")
                            : tr("Set a pipeline, stage or responsible user on any category: the "
                                 "categories below it inherit what they do not set themselves."));
    m_default->setSchema(schema);
    m_forms->setSchema(schema);
    m_answer->clear();
    showSettings();
}

Mapping::CategoryRouting RoutingView::routing() const
{
    return m_model->routing();
}

Mapping::FormRouting RoutingView::formRouting() const
{
    return m_formModel->routing();
}

void RoutingView::setProblems(const QList<Mapping::Problem> &problems)
{
    QList<Mapping::Problem> mine;
    for (const Mapping::Problem &problem : problems) {
        if (problem.area == QLatin1String("routing") || problem.area == QLatin1String("form-routing"))
            mine << problem;
    }
    m_model->setProblems(mine);
    m_formModel->setProblems(mine);
    RowProblems::showSummary(m_summary, mine);
}

void RoutingView::showSettings()
{
    const CategoryRouting routing = m_model->routing();
    m_default->setChoice(
        { routing.defaultPipelineId, routing.defaultStageId, routing.defaultResponsibleUserId });
    const Mapping::FormRouting &forms = m_formModel->routing();
    m_forms->setChoice({ forms.pipelineId, forms.stageId, forms.responsibleUserId });
    m_categoryWins->setChecked(routing.categoryWins);
    m_orderProperties->setChecked(!routing.pipelineProperty.isEmpty() || !routing.stageProperty.isEmpty()
                                  || !routing.responsibleProperty.isEmpty());
    m_categoryWins->setEnabled(m_orderProperties->isChecked());
}

void RoutingView::editSettings()
{
    CategoryRouting after = m_model->routing();
    const RouteChoice fallback = m_default->choice();
    after.defaultPipelineId = fallback.pipelineId;
    after.defaultStageId = fallback.stageId;
    after.defaultResponsibleUserId = fallback.responsibleUserId;
    after.categoryWins = m_categoryWins->isChecked();
    if (!m_orderProperties->isChecked()) {
        after.pipelineProperty.clear();
        after.stageProperty.clear();
        after.responsibleProperty.clear();
    } else if (after.pipelineProperty.isEmpty() && after.stageProperty.isEmpty()
               && after.responsibleProperty.isEmpty()) {
        after.pipelineProperty = kFresh.pipelineProperty;
        after.stageProperty = kFresh.stageProperty;
        after.responsibleProperty = kFresh.responsibleProperty;
    }
    if (!(after == m_model->routing()))
        m_model->changeRouting(after, tr("Change the default route"));
    showSettings();
}

QString RoutingView::explain(const QString &orderNumber)
{
    m_model->setHighlighted({});
    const QString number = orderNumber.trimmed();
    if (number.isEmpty())
        return {};
    Store::JobQuery query;
    query.text = number;
    query.limit = 50;
    auto jobs = Store::JobRepo(m_db).search(query);
    if (!jobs)
        return jobs.error().message;
    for (const Store::Job &job : jobs.value()) {
        if (job.kind != QLatin1String("order.created") || job.reference != number)
            continue;
        const Model::ShopOrder order = Model::ShopOrder::fromJson(job.payload);
        const Model::CategoryTree &tree = m_model->tree();
        const Mapping::RouteResult result = m_model->routing().route(order, tree, &m_schema);
        // The path the routing walked: the product's category up to the category that routed it.
        QStringList path;
        for (const Model::OrderLine &line : order.lines) {
            if (line.productId != result.productId || !path.isEmpty())
                continue;
            for (const QString &categoryId : line.categoryIds) {
                const QStringList chain = tree.ancestry(categoryId);
                const qsizetype at = chain.indexOf(result.categoryId);
                if (at >= 0) {
                    path = chain.mid(0, at + 1);
                    break;
                }
            }
        }
        m_model->setHighlighted(path);
        if (!path.isEmpty()) {
            const QModelIndex first = m_model->indexOf(path.first());
            m_tree->scrollTo(first);
            m_tree->setCurrentIndex(first);
        }
        return result.explanation;
    }
    return tr("Order %1 is not in the queue.").arg(number);
}

} // namespace Gui
