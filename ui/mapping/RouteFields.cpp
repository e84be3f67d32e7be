// SPDX-License-Identifier: GPL-3.0-or-later
#include "RouteFields.h"

#include <QComboBox>
#include <QHBoxLayout>

namespace Gui {

RouteFields::RouteFields(const QString &name, const QString &noPipeline, const QString &noResponsible,
                         QWidget *parent)
    : QWidget(parent)
    , m_pipeline(new QComboBox(this))
    , m_stage(new QComboBox(this))
    , m_responsible(new QComboBox(this))
    , m_noPipeline(noPipeline)
    , m_noResponsible(noResponsible)
{
    setObjectName(name);
    m_pipeline->setObjectName(name + QStringLiteral("Pipeline"));
    m_stage->setObjectName(name + QStringLiteral("Stage"));
    m_responsible->setObjectName(name + QStringLiteral("Responsible"));
    // The stages follow the pipeline before anyone hears of the pick.
    connect(m_pipeline, &QComboBox::activated, this,
            [this] { fillStages(m_pipeline->currentData().toString(), QString()); });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QComboBox *combo : { m_pipeline, m_stage, m_responsible }) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(5);
        layout->addWidget(combo, 1);
        connect(combo, &QComboBox::activated, this, &RouteFields::picked);
    }
}

void RouteFields::setSchema(const Crm::CrmSchema &schema)
{
    m_schema = schema;
    const RouteChoice current = choice();
    const QSignalBlocker a(m_pipeline);
    const QSignalBlocker b(m_responsible);
    m_pipeline->clear();
    m_pipeline->addItem(m_noPipeline, QString());
    for (const Crm::Pipeline &pipeline : schema.pipelines)
        m_pipeline->addItem(pipeline.name, pipeline.id);
    m_responsible->clear();
    m_responsible->addItem(m_noResponsible, QString());
    for (const Crm::CrmUser &user : schema.users) {
        if (user.active)
            m_responsible->addItem(user.name, user.id);
    }
    setChoice(current);
}

void RouteFields::setChoice(const RouteChoice &choice)
{
    const QSignalBlocker a(m_pipeline);
    const QSignalBlocker b(m_responsible);
    m_pipeline->setCurrentIndex(std::max(0, m_pipeline->findData(choice.pipelineId)));
    m_responsible->setCurrentIndex(std::max(0, m_responsible->findData(choice.responsibleUserId)));
    fillStages(choice.pipelineId, choice.stageId);
}

RouteChoice RouteFields::choice() const
{
    return { m_pipeline->currentData().toString(), m_stage->currentData().toString(),
             m_responsible->currentData().toString() };
}

void RouteFields::fillStages(const QString &pipelineId, const QString &stageId)
{
    const QSignalBlocker blocker(m_stage);
    m_stage->clear();
    m_stage->addItem(tr("(first stage)"), QString());
    if (const Crm::Pipeline *pipeline = m_schema.pipeline(pipelineId)) {
        for (const Crm::Stage &stage : pipeline->stages)
            m_stage->addItem(stage.name, stage.id);
    }
    m_stage->setCurrentIndex(std::max(0, m_stage->findData(stageId)));
    m_stage->setEnabled(!pipelineId.isEmpty());
}

} // namespace Gui
